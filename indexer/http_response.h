// The HTTP response a web archive's response record holds: its status,
// the few headers a page needs (type, charset, encodings, language) and
// its body as the server meant it (de-chunked, inflated). Minimal by
// design: archived headers are often malformed, and nothing here may
// throw on them.
#ifndef NEWSDEX_INDEXER_HTTP_RESPONSE_H_
#define NEWSDEX_INDEXER_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

struct HttpResponse {
  int status = 0;          // 200, 301, 404, ...
  std::string media_type;  // lower-case, without parameters; "" when absent
  std::string charset;     // the Content-Type's charset label, or ""
  std::string content_encoding;   // lower-case ("gzip"), or ""
  std::string transfer_encoding;  // lower-case ("chunked"), or ""
  std::string content_language;   // as given, or ""
  std::string_view body;          // into the block parsed, as sent
};

// Parses a status line ("HTTP/1.1 200 OK"), header lines up to a blank
// line, and the rest as the body. Returns "" on success, else why the
// block is not an HTTP response.
std::string parse_http_response(std::string_view block, HttpResponse& out);

// The body with its transfer and content encodings undone: chunked
// transfer-encoding, gzip or deflate content-encoding. A body that does
// not look encoded as its header says (archivers that store it decoded)
// is taken as it is; a body cut short gives what could be decoded. At
// most `max_bytes` come out. Returns "" on success, else why the body
// cannot be read (an unknown encoding, nothing decodable, too large).
std::string decode_http_body(const HttpResponse& response,
                             std::size_t max_bytes, std::string& out);

// Whether a body sent without a Content-Type looks like HTML (the WHATWG
// sniffing rule: after white space and a BOM, a tag such as <!DOCTYPE
// HTML, <html, <head, <body, <p, <div, <script or a comment).
bool looks_like_html(std::string_view body);

// Whether `media_type` is a page: text/html or application/xhtml+xml.
bool is_html_media_type(std::string_view media_type);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_HTTP_RESPONSE_H_
