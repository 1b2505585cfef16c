# A thin wrapper over CMake. `make run` and `make test` set everything up.
SHARED ?= $(abspath ../shared)
JOBS ?= 2
BUILD := build
TBUILD := build-test
FBUILD := build-fuzz
# Seconds per fuzz target: `make fuzz` campaigns (make test runs 20 s each).
FUZZ_SECONDS ?= 600
LEDE := $(BUILD)/lede
PORT ?= 8080

.PHONY: all deps build run test test-build unit integration format format-check \
        eval eval-ner eval-numeric eval-quotes bench train-ner train-quotes fuzz fuzz-build \
        clean

all: build

deps:
	@sh scripts/deps.sh

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DLEDE_TESTS=OFF \
	  -DLEDE_SHARED_DIR=$(SHARED) >/dev/null

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(LEDE) serve --config config/lede.conf --port $(PORT)

$(TBUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(TBUILD) -DCMAKE_BUILD_TYPE=Debug -DLEDE_SANITIZE=ON \
	  -DLEDE_WERROR=ON -DLEDE_SHARED_DIR=$(SHARED) >/dev/null

test-build: deps $(TBUILD)/Makefile
	cmake --build $(TBUILD) -j $(JOBS)

# Every test: formatting, unit tests (sanitizers on), integration tests
# against real servers on loopback, and the quality floors.
test: test-build build fuzz-build format-check
	sh tests/run.sh $(TBUILD) $(BUILD) $(SHARED) $(FBUILD)

unit: test-build
	cd $(TBUILD) && ctest --output-on-failure -j $(JOBS)

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	clang-format -i $(FORMAT_FILES)

format-check: deps
	@clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format-check: ok"

# Quality: each script runs lede over a development set and prints the
# scorer's table (see tests/eval/README.md).
eval: build
	sh tests/eval/extraction.sh $(LEDE) $(SHARED)
	python3 tests/eval/metaset.py $(LEDE) $(SHARED)
eval-ner: build
	sh tests/eval/ner.sh $(LEDE) $(SHARED)
eval-numeric: build
	sh tests/eval/numeric.sh $(LEDE) $(SHARED)
eval-quotes: build
	sh tests/eval/quotes.sh $(LEDE) $(SHARED)

train-ner: build
	sh scripts/train-ner.sh $(LEDE) $(SHARED)
train-quotes: build
	sh scripts/train-quotes.sh $(LEDE) $(SHARED)

# Benchmarks (not tests): every tests/bench/*.sh, on the release build.
bench: build
	@for b in tests/bench/*.sh; do [ -e "$$b" ] && sh "$$b" $(BUILD) $(SHARED); done; true

# libFuzzer targets, one per parser of outside input (tests/fuzz/fuzz_*.c),
# built with clang, ASan and UBSan; `make fuzz FUZZ_SECONDS=N` runs each for
# N seconds from its seed corpus (tests/fuzz/corpus/<name>/ for fuzz_<name>).
$(FBUILD)/Makefile: CMakeLists.txt
	CC=clang cmake -S . -B $(FBUILD) -DCMAKE_BUILD_TYPE=Debug -DLEDE_FUZZ=ON \
	  -DLEDE_SANITIZE=ON -DLEDE_TESTS=OFF >/dev/null

fuzz-build: deps $(FBUILD)/Makefile
	cmake --build $(FBUILD) -j $(JOBS)

fuzz: fuzz-build
	sh tests/fuzz/run.sh $(FBUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(TBUILD) $(FBUILD)
