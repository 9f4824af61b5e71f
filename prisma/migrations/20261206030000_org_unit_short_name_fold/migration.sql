-- A unit's short name folded for sorting and search (vi_fold: no diacritics, lower case), kept by the
-- database: /so-sanh orders up to 3.321 wards by it in every request, and vi_fold costs ~18 µs a call
-- (a translate() over 134 letters), some 60 ms each time the ranking evaluated it. Generated (STORED),
-- so it can never differ from vi_fold(short_name); vi_fold is IMMUTABLE. Should vi_fold ever change,
-- its migration must recompute the column (ALTER TABLE … DROP/ADD, or UPDATE org_unit SET short_name).
ALTER TABLE "org_unit" ADD COLUMN "short_name_fold" TEXT GENERATED ALWAYS AS (vi_fold("short_name")) STORED;
