# sipstat — see README.md. Every Go command uses the Arrow build tag so that all
# packages and tests share one build cache.
export GOFLAGS := -buildvcs=false -tags=duckdb_arrow
export CGO_ENABLED := 1

BIN        := bin/sipstat
OUT        := out
ECHARTS_JS := reports/html/assets/echarts.min.js

.PHONY: all build run test bench assets clean fuzz deps

all: build

# The echarts library comes from the npm registry at build time, pinned by
# reports/html/package-lock.json, and is embedded into the binary. It is never
# committed and never fetched by a report at view time.
assets: $(ECHARTS_JS)
$(ECHARTS_JS): reports/html/package.json reports/html/package-lock.json
	npm ci --prefix reports/html --no-audit --no-fund --silent
	mkdir -p $(dir $@)
	cp reports/html/node_modules/echarts/dist/echarts.min.js $@

build: assets
	go build -o $(BIN) ./cmd/sipstat

run: build
	@rm -rf $(OUT)/extract $(OUT)/sip.duckdb $(OUT)/sip.duckdb.wal
	$(BIN) sample --out $(OUT)/extract
	$(BIN) load --db $(OUT)/sip.duckdb $(OUT)/extract
	$(BIN) report --db $(OUT)/sip.duckdb --out $(OUT)
	@echo
	@echo "Database:     $(OUT)/sip.duckdb"
	@ls -1 $(OUT)/sip-rapport-* | sed 's/^/Report:       /'

# What the end-to-end tests need beyond Go, gcc and npm (Chromium,
# LibreOffice Calc, poppler-utils, DejaVu fonts): installed from Debian
# packages when missing, or the target fails saying what to install.
deps:
	@bash .ci/deps

test: deps assets
	go vet ./...
	go test -count=1 -timeout 40m ./...
	$(MAKE) fuzz FUZZTIME=20000x

# The fuzz targets of the cell parsers and the personal-number detector; make
# test runs each for 20 000 inputs, `make fuzz FUZZTIME=500000x` runs them
# longer. The budget is a count, not a duration: with a duration, Go 1.26's
# fuzz coordinator can fail a clean run with "context deadline exceeded" at
# the deadline (golang/go#75804, fixed in Go 1.27; it failed our CI twice).
# Minimising a new interesting input is bounded as well.
FUZZTIME ?= 100000x
FUZZ_TARGETS := FuzzPersonalNumber FuzzCells FuzzXLSXCell FuzzCSVRows FuzzManifest FuzzHeaderLine FuzzEncoding
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t ($(FUZZTIME))"; \
		go test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10x ./ingest || exit 1; \
	done

# Benchmarks print ratios against a plain DuckDB baseline run in the same
# script; SIPS sets the size (200000 by default, 1000000 for national scale).
SIPS ?= 200000
bench: build
	SIPS=$(SIPS) bash bench/bench.sh

clean:
	rm -rf bin $(OUT) reports/html/node_modules $(ECHARTS_JS)
