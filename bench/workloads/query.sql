-- sqlite3: a recursive CTE, an index and an aggregate join.
CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER, c TEXT);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000)
INSERT INTO t SELECT x, (x * 7919) % 1000, printf('row%d', x) FROM n;
CREATE INDEX tb ON t(b);
SELECT b, count(*), sum(a) FROM t WHERE b < 20 GROUP BY b ORDER BY b LIMIT 5;
SELECT count(*) FROM t x JOIN t y ON x.b = y.a WHERE y.b < 500;
