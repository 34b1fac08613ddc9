-- wrk script for the Gongkai benchmark: request mixes and one machine-readable result line.
--
-- BENCH_REQUESTS=FILE  rotate over the requests in FILE, one per line:
--                      METHOD<TAB>PATH[<TAB>Header: value]...   (GET/HEAD, no body)
-- BENCH_TOKENS=FILE    POST /api/v1/records instead: one office token per line, used in turn;
--                      each body is a new valid record under item 33 (open to every office).
-- BENCH_FORMED_ON      formed_on of posted records (default 2025-01-02; must not be in the future)
-- Without either, wrk's own URL and -H headers are sent as usual.
-- done() prints: RESULT {"requests":..,"duration_us":..,"rps":..,"p50_us":..,...}

local requests = {}
local tokens = {}
local counter = 0
local formed_on = os.getenv("BENCH_FORMED_ON") or "2025-01-02"
local tag = tostring(math.random(100000, 999999))

local function lines(path)
  local out = {}
  local f = assert(io.open(path, "r"))
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  return out
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  tag = tostring(math.random(100000, 999999))
  local rfile = os.getenv("BENCH_REQUESTS")
  if rfile and rfile ~= "" then
    for _, line in ipairs(lines(rfile)) do
      local fields = {}
      for field in line:gmatch("[^\t]+") do fields[#fields + 1] = field end
      local headers = {}
      for i = 3, #fields do
        local name, value = fields[i]:match("^([^:]+):%s*(.*)$")
        headers[name] = value
      end
      requests[#requests + 1] = wrk.format(fields[1], fields[2], headers)
    end
  end
  local tfile = os.getenv("BENCH_TOKENS")
  if tfile and tfile ~= "" then tokens = lines(tfile) end
end

function request()
  counter = counter + 1
  if #tokens > 0 then
    local token = tokens[(counter - 1) % #tokens + 1]
    local body = string.format(
      '{"item_id":"33","title":"基准测试：工业和科学技术信息化发展动态第%s-%d期","formed_on":"%s",' ..
      '"summary":"全市工业经济运行平稳，规模以上工业增加值同比增长。"}', tag, counter, formed_on)
    return wrk.format("POST", "/api/v1/records",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
  end
  if #requests > 0 then
    return requests[(counter - 1) % #requests + 1]
  end
  return wrk.request()
end

function done(summary, latency, requests_)
  local e = summary.errors
  local us = summary.duration
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"rps":%.1f,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f,"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d}\n',
    summary.requests, us, summary.requests / (us / 1e6), summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
