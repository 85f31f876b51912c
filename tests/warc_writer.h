// Writes web archive records for tests: WARC records, HTTP responses,
// gzip members (zlib), as crawlers write them.
#ifndef NEWSDEX_TESTS_WARC_WRITER_H_
#define NEWSDEX_TESTS_WARC_WRITER_H_

#include <zlib.h>

#include <stdexcept>
#include <string>

namespace newsdex::test {

// `text` as one gzip member (or a zlib stream with `window_bits` 15, raw
// deflate with -15).
inline std::string gzip_member(const std::string& text,
                               int window_bits = 16 + MAX_WBITS) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// An HTTP response: status line, header lines (each ending "\r\n"), body.
inline std::string http_response(const std::string& status,
                                 const std::string& headers,
                                 const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

// One WARC record around `block`; `fields` are more header lines (each
// ending "\r\n").
inline std::string warc_record(const std::string& type, const std::string& uri,
                               const std::string& block,
                               const std::string& fields = "") {
  std::string content_type =
      type == "response" || type == "request" || type == "revisit"
          ? "application/http; msgtype=" + type
          : "application/warc-fields";
  return "WARC/1.1\r\nWARC-Type: " + type +
         "\r\nWARC-Date: 2025-06-03T10:00:00Z\r\n" +
         (uri.empty() ? "" : "WARC-Target-URI: " + uri + "\r\n") +
         "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>"
         "\r\nContent-Type: " +
         content_type + "\r\n" + fields +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

// A response record of an HTTP response.
inline std::string warc_response(const std::string& uri,
                                 const std::string& status,
                                 const std::string& headers,
                                 const std::string& body) {
  return warc_record("response", uri, http_response(status, headers, body));
}

// `body` in HTTP chunked transfer-encoding, in chunks of `size` bytes.
inline std::string chunked(const std::string& body, std::size_t size = 7) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t pos = 0; pos < body.size(); pos += size) {
    std::string piece = body.substr(pos, size);
    std::string hex;
    for (std::size_t n = piece.size(); n > 0; n /= 16)
      hex.insert(0, 1, kHex[n % 16]);
    out += hex + "\r\n" + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

}  // namespace newsdex::test

#endif  // NEWSDEX_TESTS_WARC_WRITER_H_
