# tthtcd: two commands on a fresh Debian or Ubuntu machine with Swift 6.
#   make run    installs missing system packages, builds, starts the app on the default data file
#   make test   installs missing system packages, builds, runs every test
SWIFT ?= swift
# LibreOffice (headless) and poppler turn the documents and workbooks into PDF and text in the tests; Liberation
# fonts have the metrics of Times New Roman and Arial, which the templates name.
APT_PACKAGES := libncurses-dev libsqlite3-dev tmux sqlite3 libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
	fonts-liberation2
ARGS ?=
PREFIX ?= $(HOME)/.local

.PHONY: all deps build run demo test bench install clean

all: build

# Installs only what is missing; uses sudo when not root.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build

run: build
	@exec "$$($(SWIFT) build --show-bin-path)/tthtcd" $(ARGS)

demo: build
	@exec "$$($(SWIFT) build --show-bin-path)/tthtcd" --demo $(ARGS)

test: deps
	$(SWIFT) build --build-tests
	TZ=UTC $(SWIFT) test

# Figures of the province-scale targets on a generated national data set (made once; it is large).
BENCH_DATA ?= /tmp/tthtcd-bench/national.sqlite
bench: deps
	$(SWIFT) build -c release
	@bin="$$($(SWIFT) build -c release --show-bin-path)/tthtcd"; \
	if [ ! -s "$(BENCH_DATA)" ]; then mkdir -p "$$(dirname "$(BENCH_DATA)")" && "$$bin" bench generate "$(BENCH_DATA)"; fi; \
	"$$bin" bench run "$(BENCH_DATA)"

# The program and its resource folder, which must sit beside it.
install: deps
	$(SWIFT) build -c release
	install -d "$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/tthtcd" "$(PREFIX)/bin/tthtcd"
	rm -rf "$(PREFIX)/bin/tthtcd_AppResources.resources"
	cp -R "$$($(SWIFT) build -c release --show-bin-path)/tthtcd_AppResources.resources" "$(PREFIX)/bin/"

clean:
	rm -rf .build
