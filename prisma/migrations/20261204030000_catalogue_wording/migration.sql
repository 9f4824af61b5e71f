-- Issue 13: an indicator's description named another indicator by its internal code, which the ward
-- overview shows to readers. Reworded in the seed; databases seeded earlier get the same words here.
-- Only the exact seeded text is replaced: a description edited in the catalogue since is left alone.
UPDATE "indicator"
SET "description" = 'Tỷ lệ Tổ dân phố đạt danh hiệu Tổ dân phố văn hóa của phường là số tổ đạt danh hiệu chia cho số tổ dân phố.',
    -- a catalogue editor who opened the indicator before this runs is told it changed meanwhile
    "version" = "version" + 1,
    "updated_at" = now()
WHERE "code" = 'tdp-van-hoa'
  AND "description" = 'Tỷ lệ của phường (ty-le-tdp-van-hoa) là số tổ đạt danh hiệu chia cho số tổ dân phố.';
