-- wrk script: every write sends DEPTH requests back to back on the connection (HTTP/1.1
-- pipelining), as TechEmpower's plaintext test does. DEPTH is the first script argument:
--   wrk -c256 -d10s --latency -s spindle-bench/http/pipeline.lua http://127.0.0.1:PORT/ -- 16
-- wrk reads each response and counts it as one request; the latency figures are per batch.
init = function(args)
  local depth = tonumber(args[1]) or 1
  local batch = {}
  for i = 1, depth do
    batch[i] = wrk.format()
  end
  req = table.concat(batch)
end

request = function()
  return req
end
