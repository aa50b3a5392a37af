# The two commands: `make run` and `make test`. Both install what is missing, then build.
BUILD ?= build
PORT ?= 8080
DATA ?= var
JOBS ?= $(shell nproc)

.PHONY: all deps build run test bench clean soak fuzz sanitize

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/run.sh $(BUILD) $(PORT) $(DATA)

test: build
	@bash scripts/test.sh $(BUILD)

bench: build
	@bash bench/run.sh $(BUILD)

# Robustness (README, "Developers"): the crash-durability test with many kill/restart cycles, the
# libFuzzer targets (clang, build-fuzz), every test under ASan + UBSan (build-asan).
SOAK_CYCLES ?= 50
FUZZ_SECONDS ?= 60

soak: deps
	@CYB_SOAK_CYCLES=$(SOAK_CYCLES) bash scripts/soak.sh $(BUILD)

fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh build-fuzz

sanitize: deps
	@JOBS=$(JOBS) bash scripts/sanitize.sh build-asan

clean:
	rm -rf $(BUILD)
