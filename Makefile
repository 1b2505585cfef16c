# A thin wrapper over CMake. `make run` and `make test` set everything up.
SHARED ?= $(abspath ../shared)
JOBS ?= 2
BUILD := build
TBUILD := build-test
LEDE := $(BUILD)/lede
PORT ?= 8080

.PHONY: all deps build run test test-build unit integration format format-check \
        eval eval-ner eval-numeric eval-quotes bench train-ner fuzz clean

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
test: test-build build format-check
	sh tests/run.sh $(TBUILD) $(BUILD) $(SHARED)

unit: test-build
	cd $(TBUILD) && ctest --output-on-failure -j $(JOBS)

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	clang-format -i $(FORMAT_FILES)

format-check: deps
	@clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format-check: ok"

clean:
	rm -rf $(BUILD) $(TBUILD) build-fuzz
