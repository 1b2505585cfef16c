/*
 * units — units of measure and currencies for the numbers stage, as data.
 *
 * Sources: unit names and symbols follow the SI Brochure (BIPM, 9th edition,
 * 2019) and NIST Handbook 44 Appendix C (U.S. customary units); currency codes
 * and names follow ISO 4217 (the list maintained by SIX Financial Information
 * for ISO); currency symbols are those in the Unicode Currency Symbols block
 * (U+20A0..U+20CF) and common news-wire usage ("US$", "C$", "HK$"). These are
 * facts; the rows were written for lede.
 */
#include <string.h>

#include "num_tables.h"

#define L "length"
#define MA "mass"
#define AR "area"
#define VO "volume"
#define SP "speed"
#define TE "temperature"
#define DA "data"
#define EN "energy"
#define PO "power"
#define AN "angle"
#define TI "time"
#define FR "frequency"
#define RE "resolution"

/* clang-format off */
const num_unit NUM_UNITS[] = {
    /* length */
    {"km", "km", L, 0}, {"kilometer", "km", L, NUM_PL}, {"kilometre", "km", L, NUM_PL},
    {"kms", "km", L, 0},
    {"m", "m", L, 0}, {"meter", "m", L, NUM_PL}, {"metre", "m", L, NUM_PL},
    {"cm", "cm", L, 0}, {"centimeter", "cm", L, NUM_PL}, {"centimetre", "cm", L, NUM_PL},
    {"mm", "mm", L, 0}, {"millimeter", "mm", L, NUM_PL}, {"millimetre", "mm", L, NUM_PL},
    {"dm", "dm", L, 0}, {"decimeter", "dm", L, NUM_PL}, {"decimetre", "dm", L, NUM_PL},
    {"picometer", "pm", L, NUM_PL}, {"picometre", "pm", L, NUM_PL},
    {"nanometer", "nm", L, NUM_PL}, {"nanometre", "nm", L, NUM_PL},
    {"micrometer", "µm", L, NUM_PL}, {"micrometre", "µm", L, NUM_PL},
    {"micron", "µm", L, NUM_PL},
    {"mi", "mi", L, 0}, {"mile", "mi", L, NUM_PL}, {"nautical mile", "nmi", L, NUM_PL},
    {"ft", "ft", L, 0}, {"foot", "ft", L, 0}, {"feet", "ft", L, 0}, {"'", "ft", L, NUM_GLUED},
    {"in", "in", L, NUM_NEEDS_PREV}, {"inch", "in", L, NUM_PL}, {"\"", "in", L, 0},
    {"yd", "yd", L, 0}, {"yard", "yd", L, NUM_PL},
    {"light year", "ly", L, NUM_PL}, {"light-year", "ly", L, NUM_PL},
    /* mass */
    {"kg", "kg", MA, 0}, {"kgs", "kg", MA, 0}, {"kilogram", "kg", MA, NUM_PL},
    {"kilogramme", "kg", MA, NUM_PL}, {"kilo", "kg", MA, NUM_PL},
    {"g", "g", MA, NUM_EXACT}, {"gram", "g", MA, NUM_PL}, {"gramme", "g", MA, NUM_PL},
    {"mg", "mg", MA, 0}, {"milligram", "mg", MA, NUM_PL}, {"milligramme", "mg", MA, NUM_PL},
    {"mcg", "µg", MA, 0}, {"µg", "µg", MA, 0}, {"μg", "µg", MA, 0},
    {"microgram", "µg", MA, NUM_PL}, {"microgramme", "µg", MA, NUM_PL},
    {"t", "t", MA, NUM_EXACT}, {"tonne", "t", MA, NUM_PL}, {"metric ton", "t", MA, NUM_PL},
    {"metric tonne", "t", MA, NUM_PL},
    {"ton", "ton", MA, NUM_PL}, {"short ton", "ton", MA, NUM_PL},
    {"long ton", "long ton", MA, NUM_PL},
    {"lb", "lb", MA, 0}, {"lbs", "lb", MA, 0}, {"pound", "lb", MA, NUM_PL | NUM_AMBIG},
    {"oz", "oz", MA, 0}, {"ounce", "oz", MA, NUM_PL},
    {"drachma", "dram", MA, NUM_PL}, {"dram", "dram", MA, NUM_PL},
    {"carat", "ct", MA, NUM_PL}, {"stone", "st", MA, NUM_AMBIG},
    /* area */
    {"km2", "km²", AR, 0}, {"km²", "km²", AR, 0}, {"sq km", "km²", AR, 0},
    {"square kilometer", "km²", AR, NUM_PL}, {"square kilometre", "km²", AR, NUM_PL},
    {"m2", "m²", AR, 0}, {"m²", "m²", AR, 0}, {"sq m", "m²", AR, 0}, {"sqm", "m²", AR, 0},
    {"square meter", "m²", AR, NUM_PL}, {"square metre", "m²", AR, NUM_PL},
    {"sq ft", "sq ft", AR, 0}, {"ft2", "sq ft", AR, 0}, {"ft²", "sq ft", AR, 0},
    {"square foot", "sq ft", AR, 0}, {"square feet", "sq ft", AR, 0},
    {"square mile", "sq mi", AR, NUM_PL}, {"sq mi", "sq mi", AR, 0},
    {"hectare", "ha", AR, NUM_PL}, {"ha", "ha", AR, 0}, {"acre", "acre", AR, NUM_PL},
    /* volume */
    {"l", "L", VO, 0}, {"liter", "L", VO, NUM_PL}, {"litre", "L", VO, NUM_PL},
    {"ml", "mL", VO, 0}, {"milliliter", "mL", VO, NUM_PL}, {"millilitre", "mL", VO, NUM_PL},
    {"gal", "gal", VO, 0}, {"gallon", "gal", VO, NUM_PL},
    {"barrel", "bbl", VO, NUM_PL}, {"bbl", "bbl", VO, 0},
    {"cubic meter", "m³", VO, NUM_PL}, {"cubic metre", "m³", VO, NUM_PL},
    {"m3", "m³", VO, 0}, {"m³", "m³", VO, 0},
    {"cubic foot", "cu ft", VO, 0}, {"cubic feet", "cu ft", VO, 0}, {"cu ft", "cu ft", VO, 0},
    {"tablespoon", "tbsp", VO, NUM_PL}, {"tbsp", "tbsp", VO, 0},
    {"teaspoon", "tsp", VO, NUM_PL}, {"tsp", "tsp", VO, 0}, {"pint", "pt", VO, NUM_PL},
    /* speed */
    {"km / h", "km/h", SP, 0}, {"km / hr", "km/h", SP, 0}, {"kmh", "km/h", SP, 0},
    {"kph", "km/h", SP, 0}, {"kmph", "km/h", SP, 0},
    {"kilometer per hour", "km/h", SP, 0}, {"kilometers per hour", "km/h", SP, 0},
    {"kilometre per hour", "km/h", SP, 0}, {"kilometres per hour", "km/h", SP, 0},
    {"kilometers an hour", "km/h", SP, 0}, {"kilometres an hour", "km/h", SP, 0},
    {"mph", "mph", SP, 0}, {"mi / h", "mph", SP, 0}, {"mile per hour", "mph", SP, 0},
    {"miles per hour", "mph", SP, 0}, {"miles an hour", "mph", SP, 0},
    {"knot", "kn", SP, NUM_PL}, {"m / s", "m/s", SP, 0},
    {"meters per second", "m/s", SP, 0}, {"metres per second", "m/s", SP, 0},
    /* temperature: scale words; bare "degrees" is resolved by context */
    {"° c", "°C", TE, 0}, {"°c", "°C", TE, 0}, {"º c", "°C", TE, 0}, {"℃", "°C", TE, 0},
    {"degree celsius", "°C", TE, NUM_PL}, {"degrees celsius", "°C", TE, 0},
    {"degree centigrade", "°C", TE, 0}, {"degrees centigrade", "°C", TE, 0},
    {"degrees c", "°C", TE, 0}, {"degree c", "°C", TE, 0}, {"deg c", "°C", TE, 0},
    {"celsius", "°C", TE, 0}, {"celcius", "°C", TE, 0}, {"centigrade", "°C", TE, 0},
    {"centigrate", "°C", TE, 0},
    {"° f", "°F", TE, 0}, {"°f", "°F", TE, 0}, {"º f", "°F", TE, 0}, {"℉", "°F", TE, 0},
    {"degree fahrenheit", "°F", TE, 0}, {"degrees fahrenheit", "°F", TE, 0},
    {"degree farenheit", "°F", TE, 0}, {"degrees farenheit", "°F", TE, 0},
    {"degrees f", "°F", TE, 0}, {"degree f", "°F", TE, 0}, {"deg f", "°F", TE, 0},
    {"fahrenheit", "°F", TE, 0}, {"farenheit", "°F", TE, 0},
    {"kelvin", "K", TE, NUM_PL},
    /* "40C (104F)": only glued, upper case, in a sentence about temperature */
    {"C", "°C", TE, NUM_GLUED | NUM_EXACT | NUM_AMBIG},
    {"F", "°F", TE, NUM_GLUED | NUM_EXACT | NUM_AMBIG},
    {"degree", "°", TE, NUM_PL | NUM_AMBIG}, {"deg", "°", TE, NUM_AMBIG},
    {"deg .", "°", TE, NUM_AMBIG}, {"°", "°", TE, NUM_AMBIG}, {"º", "°", TE, NUM_AMBIG},
    /* angle */
    {"radian", "rad", AN, NUM_PL}, {"rad", "rad", AN, 0}, {"turn", "turn", AN, NUM_PL},
    /* data */
    {"MB", "MB", DA, NUM_EXACT}, {"mb", "Mbit", DA, NUM_EXACT}, {"Mb", "Mbit", DA, NUM_EXACT},
    {"KB", "kB", DA, NUM_EXACT}, {"kb", "kB", DA, NUM_EXACT}, {"GB", "GB", DA, NUM_EXACT},
    {"gb", "GB", DA, NUM_EXACT}, {"Gb", "Gbit", DA, NUM_EXACT}, {"TB", "TB", DA, NUM_EXACT},
    {"tb", "TB", DA, NUM_EXACT}, {"PB", "PB", DA, NUM_EXACT},
    {"kilobyte", "kB", DA, NUM_PL}, {"megabyte", "MB", DA, NUM_PL},
    {"gigabyte", "GB", DA, NUM_PL}, {"terabyte", "TB", DA, NUM_PL},
    {"petabyte", "PB", DA, NUM_PL}, {"byte", "B", DA, NUM_PL},
    {"megabit", "Mbit", DA, NUM_PL}, {"gigabit", "Gbit", DA, NUM_PL},
    {"kbps", "kbit/s", DA, 0}, {"mbps", "Mbit/s", DA, 0}, {"gbps", "Gbit/s", DA, 0},
    {"bit", "bit", DA, NUM_PL},
    /* energy and power */
    {"kWh", "kWh", EN, NUM_EXACT}, {"kwh", "kWh", EN, 0}, {"MWh", "MWh", EN, NUM_EXACT},
    {"GWh", "GWh", EN, NUM_EXACT}, {"TWh", "TWh", EN, NUM_EXACT},
    {"kilowatt hour", "kWh", EN, NUM_PL}, {"kilowatt - hour", "kWh", EN, NUM_PL},
    {"megawatt hour", "MWh", EN, NUM_PL}, {"megawatt - hour", "MWh", EN, NUM_PL},
    {"terawatt hour", "TWh", EN, NUM_PL}, {"terawatt - hour", "TWh", EN, NUM_PL},
    {"joule", "J", EN, NUM_PL}, {"kilojoule", "kJ", EN, NUM_PL}, {"kj", "kJ", EN, 0},
    {"megajoule", "MJ", EN, NUM_PL}, {"calorie", "cal", EN, NUM_PL},
    {"kilocalorie", "kcal", EN, NUM_PL}, {"kcal", "kcal", EN, 0}, {"btu", "BTU", EN, 0},
    {"kW", "kW", PO, NUM_EXACT}, {"kw", "kW", PO, 0}, {"MW", "MW", PO, NUM_EXACT},
    {"GW", "GW", PO, NUM_EXACT}, {"watt", "W", PO, NUM_PL}, {"kilowatt", "kW", PO, NUM_PL},
    {"megawatt", "MW", PO, NUM_PL}, {"gigawatt", "GW", PO, NUM_PL},
    {"horsepower", "hp", PO, 0}, {"hp", "hp", PO, 0},
    /* frequency (SI: hertz) */
    {"Hz", "Hz", FR, NUM_EXACT}, {"kHz", "kHz", FR, NUM_EXACT}, {"MHz", "MHz", FR, NUM_EXACT},
    {"GHz", "GHz", FR, NUM_EXACT}, {"hertz", "Hz", FR, 0}, {"kilohertz", "kHz", FR, 0},
    {"megahertz", "MHz", FR, 0}, {"gigahertz", "GHz", FR, 0},
    /* image resolution: "12MP" only glued ("12 MPs" are members of parliament) */
    {"MP", "MP", RE, NUM_EXACT | NUM_GLUED}, {"megapixel", "MP", RE, NUM_PL},
    {"ppi", "ppi", RE, 0}, {"dpi", "dpi", RE, 0},
    /* time */
    {"ms", "ms", TI, NUM_EXACT}, {"millisecond", "ms", TI, NUM_PL},
    {"second", "s", TI, NUM_PL}, {"sec", "s", TI, NUM_PL}, {"minute", "min", TI, NUM_PL},
    {"min", "min", TI, NUM_PL}, {"hour", "h", TI, NUM_PL}, {"hr", "h", TI, NUM_PL},
    {"day", "day", TI, NUM_PL}, {"week", "week", TI, NUM_PL}, {"fortnight", "fortnight", TI, NUM_PL},
    {"month", "month", TI, NUM_PL}, {"year", "year", TI, NUM_PL}, {"yr", "year", TI, NUM_PL},
    {"decade", "decade", TI, NUM_PL}, {"century", "century", TI, 0},
    {"centuries", "century", TI, 0}, {"millennium", "millennium", TI, 0},
};
const size_t N_NUM_UNITS = sizeof NUM_UNITS / sizeof NUM_UNITS[0];

#define PRE NUM_PREFIX
#define SUF NUM_SUFFIX
const num_currency NUM_CURRENCIES[] = {
    /* symbols, written before the number */
    {"$", "USD", "Dollar", PRE | SUF}, {"us $", "USD", "United States dollar", PRE},
    {"us$", "USD", "United States dollar", PRE}, {"u.s. $", "USD", "United States dollar", PRE},
    {"usd $", "USD", "United States dollar", PRE}, {"usd$", "USD", "United States dollar", PRE},
    {"c $", "CAD", "Canadian dollar", PRE}, {"c$", "CAD", "Canadian dollar", PRE},
    {"ca $", "CAD", "Canadian dollar", PRE}, {"cad $", "CAD", "Canadian dollar", PRE},
    {"a $", "AUD", "Australian dollar", PRE | NUM_GLUED | NUM_EXACT},
    {"A $", "AUD", "Australian dollar", PRE | NUM_GLUED | NUM_EXACT},
    {"au $", "AUD", "Australian dollar", PRE}, {"aud $", "AUD", "Australian dollar", PRE},
    {"nz $", "NZD", "New Zealand dollar", PRE}, {"hk $", "HKD", "Hong Kong dollar", PRE},
    {"s $", "SGD", "Singapore dollar", PRE | NUM_GLUED | NUM_EXACT},
    {"S $", "SGD", "Singapore dollar", PRE | NUM_GLUED | NUM_EXACT},
    {"mex $", "MXN", "Mexican peso", PRE}, {"mx $", "MXN", "Mexican peso", PRE},
    {"mxn $", "MXN", "Mexican peso", PRE}, {"r $", "BRL", "Brazilian real", PRE},
    {"€", "EUR", "Euro", PRE | SUF}, {"£", "GBP", "Pound", PRE | SUF},
    {"¥", "JPY", "Japanese yen", PRE | SUF}, {"₹", "INR", "Rupee", PRE | SUF},
    {"rs", "INR", "Rupee", PRE}, {"rs.", "INR", "Rupee", PRE},
    {"₽", "RUB", "Russian ruble", PRE | SUF}, {"₩", "KRW", "South Korean won", PRE | SUF},
    {"₺", "TRY", "Turkish lira", PRE | SUF}, {"₴", "UAH", "Ukrainian hryvnia", PRE | SUF},
    {"₪", "ILS", "Israeli new shekel", PRE | SUF}, {"₦", "NGN", "Nigerian naira", PRE | SUF},
    {"₱", "PHP", "Philippine peso", PRE | SUF}, {"₫", "VND", "Vietnamese dong", PRE | SUF},
    {"₾", "GEL", "Georgian lari", PRE | SUF}, {"₭", "LAK", "Lao kip", PRE | SUF},
    {"฿", "THB", "Thai baht", PRE | SUF}, {"₿", "BTC", "Bitcoin", PRE | SUF},
    {"ரூ", "LKR", "Sri Lankan rupee", SUF}, {"¢", "USD", "Cent", SUF | NUM_SUB},
    /* ISO 4217 codes in common news use (not every code: some are English
     * words, such as ALL, CUP, TOP) */
    {"usd", "USD", "United States dollar", PRE | SUF}, {"eur", "EUR", "Euro", PRE | SUF},
    {"gbp", "GBP", "British pound", PRE | SUF}, {"jpy", "JPY", "Japanese yen", PRE | SUF},
    {"cny", "CNY", "Chinese yuan", PRE | SUF}, {"rmb", "CNY", "Chinese yuan", PRE | SUF},
    {"chf", "CHF", "Swiss franc", PRE | SUF}, {"cad", "CAD", "Canadian dollar", PRE | SUF},
    {"aud", "AUD", "Australian dollar", PRE | SUF},
    {"nzd", "NZD", "New Zealand dollar", PRE | SUF},
    {"hkd", "HKD", "Hong Kong dollar", PRE | SUF},
    {"sgd", "SGD", "Singapore dollar", PRE | SUF}, {"inr", "INR", "Rupee", PRE | SUF},
    {"rub", "RUB", "Russian ruble", PRE | SUF}, {"brl", "BRL", "Brazilian real", PRE | SUF},
    {"mxn", "MXN", "Mexican peso", PRE | SUF}, {"zar", "ZAR", "South African rand", PRE | SUF},
    {"krw", "KRW", "South Korean won", PRE | SUF}, {"sek", "SEK", "Swedish krona", PRE | SUF},
    {"nok", "NOK", "Norwegian krone", PRE | SUF}, {"dkk", "DKK", "Danish krone", PRE | SUF},
    {"pln", "PLN", "Polish zloty", PRE | SUF}, {"uah", "UAH", "Ukrainian hryvnia", PRE | SUF},
    {"ils", "ILS", "Israeli new shekel", PRE | SUF},
    {"ngn", "NGN", "Nigerian naira", PRE | SUF}, {"egp", "EGP", "Egyptian pound", PRE | SUF},
    {"sar", "SAR", "Saudi riyal", PRE | SUF}, {"aed", "AED", "UAE dirham", PRE | SUF},
    {"kes", "KES", "Kenyan shilling", PRE | SUF},
    {"pkr", "PKR", "Pakistani rupee", PRE | SUF},
    {"idr", "IDR", "Indonesian rupiah", PRE | SUF}, {"thb", "THB", "Thai baht", PRE | SUF},
    {"myr", "MYR", "Malaysian ringgit", PRE | SUF}, {"ars", "ARS", "Argentine peso", PRE | SUF},
    {"btc", "BTC", "Bitcoin", PRE | SUF}, {"xbt", "BTC", "Bitcoin", PRE | SUF},
    /* names, written after the number */
    {"dollar", "USD", "Dollar", SUF | NUM_PL}, {"buck", "USD", "Dollar", SUF | NUM_PL},
    {"us dollar", "USD", "United States dollar", SUF | NUM_PL},
    {"u.s. dollar", "USD", "United States dollar", SUF | NUM_PL},
    {"american dollar", "USD", "United States dollar", SUF | NUM_PL},
    {"australian dollar", "AUD", "Australian dollar", SUF | NUM_PL},
    {"canadian dollar", "CAD", "Canadian dollar", SUF | NUM_PL},
    {"hong kong dollar", "HKD", "Hong Kong dollar", SUF | NUM_PL},
    {"new zealand dollar", "NZD", "New Zealand dollar", SUF | NUM_PL},
    {"singapore dollar", "SGD", "Singapore dollar", SUF | NUM_PL},
    {"taiwan dollar", "TWD", "New Taiwan dollar", SUF | NUM_PL},
    {"euro", "EUR", "Euro", SUF | NUM_PL},
    {"pound", "GBP", "Pound", SUF | NUM_PL | NUM_AMBIG},
    {"pound sterling", "GBP", "Pound", SUF}, {"pounds sterling", "GBP", "Pound", SUF},
    {"sterling", "GBP", "Pound", SUF}, {"british pound", "GBP", "British pound", SUF | NUM_PL},
    {"egyptian pound", "EGP", "Egyptian pound", SUF | NUM_PL},
    {"penny", "GBP", "Penny", SUF | NUM_SUB}, {"pence", "GBP", "Pence", SUF | NUM_SUB},
    {"p", "GBP", "Pence", SUF | NUM_SUB | NUM_GLUED},
    {"cent", "USD", "Cent", SUF | NUM_SUB | NUM_PL},
    {"yen", "JPY", "Japanese yen", SUF}, {"japanese yen", "JPY", "Japanese yen", SUF},
    {"yuan", "CNY", "Chinese yuan", SUF}, {"chinese yuan", "CNY", "Chinese yuan", SUF},
    {"renminbi", "CNY", "Chinese yuan", SUF},
    {"rupee", "INR", "Rupee", SUF | NUM_PL}, {"indian rupee", "INR", "Rupee", SUF | NUM_PL},
    {"pakistani rupee", "PKR", "Pakistani rupee", SUF | NUM_PL},
    {"ruble", "RUB", "Russian ruble", SUF | NUM_PL}, {"rouble", "RUB", "Russian ruble", SUF | NUM_PL},
    {"hryvnia", "UAH", "Ukrainian hryvnia", SUF | NUM_PL},
    {"hryvnias", "UAH", "Ukrainian hryvnia", SUF},
    {"swiss franc", "CHF", "Swiss franc", SUF | NUM_PL},
    {"franc", NULL, "Franc", SUF | NUM_PL}, {"peseta", "ESP", "Peseta", SUF | NUM_PL},
    {"peso", "MXN", "Mexican peso", SUF | NUM_PL},
    {"mexican peso", "MXN", "Mexican peso", SUF | NUM_PL},
    {"won", "KRW", "South Korean won", SUF}, {"lira", "TRY", "Turkish lira", SUF},
    {"shekel", "ILS", "Israeli new shekel", SUF | NUM_PL},
    {"naira", "NGN", "Nigerian naira", SUF}, {"rand", "ZAR", "South African rand", SUF},
    {"reais", "BRL", "Brazilian real", SUF}, {"krona", "SEK", "Swedish krona", SUF},
    {"kronor", "SEK", "Swedish krona", SUF}, {"zloty", "PLN", "Polish zloty", SUF | NUM_PL},
    {"swedish krona", "SEK", "Swedish krona", SUF},
    {"swedish kronor", "SEK", "Swedish krona", SUF},
    /* "krone" is both the Norwegian and the Danish currency: only the
     * qualified names carry a code. */
    {"krone", NULL, "Krone", SUF}, {"kroner", NULL, "Krone", SUF},
    {"norwegian krone", "NOK", "Norwegian krone", SUF},
    {"norwegian kroner", "NOK", "Norwegian krone", SUF},
    {"danish krone", "DKK", "Danish krone", SUF},
    {"danish kroner", "DKK", "Danish krone", SUF},
    {"forint", "HUF", "Hungarian forint", SUF | NUM_PL},
    {"koruna", "CZK", "Czech koruna", SUF}, {"korunas", "CZK", "Czech koruna", SUF},
    {"ringgit", "MYR", "Malaysian ringgit", SUF}, {"baht", "THB", "Thai baht", SUF},
    {"rupiah", "IDR", "Indonesian rupiah", SUF}, {"dirham", "AED", "UAE dirham", SUF | NUM_PL},
    {"riyal", "SAR", "Saudi riyal", SUF | NUM_PL}, {"lari", "GEL", "Georgian lari", SUF},
    {"kip", "LAK", "Lao kip", SUF}, {"bitcoin", "BTC", "Bitcoin", SUF | NUM_PL},
    {"satoshi", "BTC", "Satoshi", SUF | NUM_SUB | NUM_PL},
};
/* clang-format on */
const size_t N_NUM_CURRENCIES = sizeof NUM_CURRENCIES / sizeof NUM_CURRENCIES[0];

const char *num_currency_name(const char *iso) {
    if (!iso)
        return NULL;
    /* The first row with this code carries its plain English name. */
    static const struct {
        const char *iso, *name;
    } preferred[] = {
        {"USD", "Dollar"},       {"GBP", "Pound"},        {"EUR", "Euro"},
        {"JPY", "Japanese yen"}, {"CNY", "Chinese yuan"}, {"INR", "Rupee"},
    };
    for (size_t i = 0; i < sizeof preferred / sizeof preferred[0]; i++)
        if (strcmp(preferred[i].iso, iso) == 0)
            return preferred[i].name;
    for (size_t i = 0; i < N_NUM_CURRENCIES; i++)
        if (NUM_CURRENCIES[i].iso && strcmp(NUM_CURRENCIES[i].iso, iso) == 0 &&
            !(NUM_CURRENCIES[i].flags & NUM_SUB))
            return NUM_CURRENCIES[i].name;
    return NULL;
}
