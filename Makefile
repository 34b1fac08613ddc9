# Convenience targets. The test suite itself is scripts/test.sh (what CI runs).
.PHONY: bench bench-smoke

# The performance suite of issue 6: release build, data sets of 1k/10k/100k records, Gongkai
# beside a C libmicrohttpd server and nginx under wrk; prints one table (~15 minutes).
bench:
	bench/run.sh

# The same suite with tiny N and 1-second runs: proves it still runs (part of scripts/test.sh).
bench-smoke:
	bash scripts/checks/bench-smoke.sh
