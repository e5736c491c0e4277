-- search_fold(text): the search fold of a text in SQL (scalar macro), as countyreports.text.fold.fold does it:
-- each character through the seed search_fold_chars (NFKC to one character, OpenCC's t2s character table,
-- lower case; whitespace to a space), then the spaces removed. (`countyreports search` also converts a query
-- phrase by phrase with OpenCC first: 乾淨 → 干净; here it is converted character by character.)
CREATE OR REPLACE MACRO search_fold(text) AS replace(
    translate(
        text,
        (SELECT string_agg(from_char, '' ORDER BY from_char) FROM search_fold_chars),
        (SELECT string_agg(to_char, '' ORDER BY from_char) FROM search_fold_chars)
    ),
    ' ',
    ''
);
