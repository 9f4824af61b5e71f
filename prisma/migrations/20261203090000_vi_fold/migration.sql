-- Search ignores Vietnamese diacritics and case ("ngoc thuy" finds "Ngọc Thụy"). A plain
-- translate() rather than the unaccent extension, which the embedded database (PGlite) lacks;
-- upper-case letters are listed because lower() leaves non-ASCII letters alone under the C locale.
-- Kept equal to viFold() in lib/domain/vi-fold.ts.
CREATE OR REPLACE FUNCTION vi_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(lower(input),
    'àÀáÁạẠảẢãÃằẰắẮặẶẳẲẵẴăĂầẦấẤậẬẩẨẫẪâÂèÈéÉẹẸẻẺẽẼềỀếẾệỆểỂễỄêÊìÌíÍịỊỉỈĩĨòÒóÓọỌỏỎõÕồỒốỐộỘổỔỗỖôÔờỜớỚợỢởỞỡỠơƠùÙúÚụỤủỦũŨừỪứỨựỰửỬữỮưƯỳỲýÝỵỴỷỶỹỸđĐ',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd')
$$;
