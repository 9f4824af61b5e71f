// The largest request body the server reads: server actions (next.config.ts bodySizeLimit) and route
// handlers alike (proxy.ts refuses a larger one up front). An entry-grid upload is up to 2 MB, plus the
// multipart overhead. Plain constant: next.config.ts and the proxy import it.
export const BODY_LIMIT_BYTES = 3 * 1024 * 1024;

export const BODY_TOO_LARGE_MESSAGE =
  "Dữ liệu gửi lên quá lớn (tối đa 3 MB); chưa có gì được lưu. Tệp nhập liệu tối đa 2 MB.";
