-- wrk script for bench/progress.sh: every request is one of many learners (a token from TOKENS) writing a random
-- topic (from TOPICS) to a random status, or reading their progress (MODE=read).
local tokens, topics = {}, {}
local statuses = { "NotStarted", "InProgress", "Done", "Skipped" }
local mode = os.getenv("MODE") or "write"
local slug = os.getenv("ROADMAP") or "backend-developer"

local function lines(path, into)
  for line in io.lines(path) do
    if line ~= "" then into[#into + 1] = line end
  end
end

function init(args)
  lines(os.getenv("TOKENS"), tokens)
  lines(os.getenv("TOPICS"), topics)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

-- DELAY_MS paces each connection (bench/recalculate.sh writes at a given rate); 0 or unset: as fast as it goes.
local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end

function request()
  local headers = { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }
  if mode == "read" then
    return wrk.format("GET", "/api/me/roadmaps/" .. slug .. "/progress", headers)
  end
  headers["Content-Type"] = "application/json"
  local body = '{"status":"' .. statuses[math.random(#statuses)] .. '","note":"bench ' .. math.random(1000) .. '"}'
  return wrk.format("PUT", "/api/me/roadmaps/" .. slug .. "/progress/" .. topics[math.random(#topics)], headers, body)
end
