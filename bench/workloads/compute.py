# Python compute loop: integers, dicts and string formatting.
acc, d = 0, {}
for i in range(1_000_000):
    acc = (acc * 31 + i) % 1_000_000_007
    d[i % 997] = d.get(i % 997, 0) + i
s = ",".join(str(i * 7) for i in range(50_000))
print(acc, len(s), sum(d.values()))
