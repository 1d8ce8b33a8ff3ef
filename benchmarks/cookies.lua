-- wrk keeping cookies like a browser: each wrk thread is one browser with its own cookies, given as script
-- arguments (one Cookie header per thread, from SignInLoad's "sessions"), and follows every Set-Cookie it is sent,
-- Payara's JSESSIONIDVERSION included (a client that sends a stale one makes Payara reload a replicated session
-- from its store on every request). wrk hands a response's headers over as a table, so of several Set-Cookie
-- headers in one response only the last is seen: "new sessions" counts answers that set a JSESSIONID, which a
-- signed-in run must not get. done() prints one RESULT line for load.sh.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local cookies = {}
local order = {}
local path = nil
bad = 0
fresh = 0

local function remember(pair)
  local name, value = pair:match("^%s*([^=;%s]+)=([^;]*)")
  if name then
    if cookies[name] == nil then table.insert(order, name) end
    cookies[name] = value
  end
end

local function header()
  local parts = {}
  for _, name in ipairs(order) do
    if cookies[name] ~= nil then table.insert(parts, name .. "=" .. cookies[name]) end
  end
  return table.concat(parts, "; ")
end

function init(args)
  path = wrk.path
  local given = args[id] or args[1]
  if given and given ~= "" and given ~= "-" then
    for pair in given:gmatch("[^;]+") do remember(pair) end
  end
end

function request()
  local h = { ["Accept"] = "text/html,application/xhtml+xml,*/*;q=0.8" }
  local c = header()
  if c ~= "" then h["Cookie"] = c end
  return wrk.format("GET", path, h)
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    if set:match("^%s*JSESSIONID=") then fresh = fresh + 1 end
    remember(set)
  end
end

function done(summary, latency, requests)
  local notOk, newSessions = 0, 0
  for _, t in ipairs(threads) do
    notOk = notOk + t:get("bad")
    newSessions = newSessions + t:get("fresh")
  end
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f requests=%d p50_us=%d p99_us=%d not200=%d newSessions=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50), latency:percentile(99),
    notOk, newSessions, e.connect + e.read + e.write + e.timeout))
end
