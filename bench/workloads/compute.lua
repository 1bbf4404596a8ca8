-- Lua compute loop: table-heavy integer and string work.
local t, acc = {}, 0
for i = 1, 2000000 do t[i % 1000 + 1] = (t[i % 1000 + 1] or 0) + i; acc = (acc * 31 + i) % 1000000007 end
local parts = {}
for i = 1, 20000 do parts[#parts + 1] = tostring(i * 7) end
print(acc, #table.concat(parts, ","), t[1])
