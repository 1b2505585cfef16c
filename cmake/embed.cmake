# Turns a file into a C source holding its bytes: cmake -DIN=file -DOUT=file.c
# -DNAME=symbol -P embed.cmake. Defines `const char NAME[]` (NUL-terminated) and
# `const size_t NAME_len` (the byte count, without the NUL).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR n "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" body "${body}")
file(WRITE "${OUT}" "/* Generated from ${NAME} by cmake/embed.cmake: do not edit. */\n"
  "#include <stddef.h>\n"
  "extern const char ${NAME}[];\nextern const size_t ${NAME}_len;\n"
  "const char ${NAME}[] = {\n${body}0x00};\n"
  "const size_t ${NAME}_len = ${n};\n")
