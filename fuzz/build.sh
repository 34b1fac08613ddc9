#!/usr/bin/env bash
# Builds the libFuzzer harnesses: swiftc -sanitize=fuzzer,address -parse-as-library, each
# harness compiled together with the module sources it exercises (their `import Gongkai…`
# lines removed, so several SwiftPM modules become one). Output: $FUZZ_OUT/<name> (default
# .build-fuzz/). Usage: fuzz/build.sh [name …]   (default: all harnesses)
# FUZZ_OPT=-O for long runs (4× slower to compile; the importer runs about as fast either way).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${FUZZ_OUT:-.build-fuzz}
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(importer record-input record-decode raw-target)

sources() {
  local domain
  domain=$(find Sources/GongkaiDomain -name '*.swift' | sort)
  case $1 in
    importer) echo "$domain"; ls Sources/GongkaiImport/*.swift ;;
    record-input) echo "$domain"
      ls Sources/GongkaiAPI/Records/RecordInput.swift Sources/GongkaiAPI/Support/FieldReader.swift \
         Sources/GongkaiAPI/Support/JSONValue.swift Sources/GongkaiAPI/Support/DuplicateKeyScanner.swift \
         Sources/GongkaiAPI/Problems/APIError.swift ;;
    record-decode) echo "$domain"
      ls Sources/GongkaiStorage/JSONCoding.swift Sources/GongkaiStorage/JSONValue.swift \
         Sources/GongkaiStorage/JSONValueDecoder.swift Sources/GongkaiStorage/StorageError.swift \
         Sources/GongkaiStorage/AuditEntry.swift Sources/GongkaiStorage/RecordLine.swift \
         Sources/GongkaiStorage/RecordLineReader.swift ;;
    raw-target) ls Sources/GongkaiHTTP/RawTarget.swift ;;
    *) echo "unknown harness $1" >&2; return 1 ;;
  esac
}

build() {
  local name=$1 src="$out/src/$1"
  rm -rf "$src"
  mkdir -p "$src"
  for f in $(sources "$name"); do
    sed -E '/^(@_exported |public |internal |@testable )?import Gongkai/d' "$f" > "$src/$(echo "${f#Sources/}" | tr / _)"
  done
  swiftc -sanitize=fuzzer,address -parse-as-library "${FUZZ_OPT:--Onone}" -g -module-name Fuzz${name//-/} \
    "fuzz/$name/Harness.swift" "$src"/*.swift -o "$out/$name"
}

mkdir -p "$out"
pids=()
for name in "${names[@]}"; do
  ( build "$name" && echo "built $out/$name" ) &
  pids+=($!)
done
rc=0
for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
exit $rc
