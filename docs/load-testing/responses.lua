-- wrk script: POST single practitioner responses with unique ids to round $ROUND as $TOKEN's holder.
--   TOKEN=$(deploy/platform token lga1) ROUND=<a practitioner-survey round> \
--     wrk -t1 -c32 -d30s --latency -s docs/load-testing/responses.lua http://127.0.0.1:8081
counter = 0
request = function()
  counter = counter + 1
  local body = '{"responseId":"wrk-' .. math.random(1, 1000000000) .. '-' .. counter .. '","authorityCode":"E10000031",'
    .. '"answers":{"profile.role":"social_worker","profile.service":"children","std1.clear_framework":"agree"}}'
  return wrk.format("POST", "/api/v1/rounds/" .. os.getenv("ROUND") .. "/responses",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end
