// HTTP responses from web archives: status line, headers, body decoding
// with zlib.
#include "indexer/http_response.h"

#include <zlib.h>

#include <algorithm>
#include <array>

#include "common/text_utf8.h"
#include "indexer/extract/html/page_charset.h"

namespace newsdex {
namespace {

// Headers are read from at most this many bytes at the block's start.
constexpr std::size_t kMaxHeaderBytes = 1 << 20;

std::string lower_trimmed(std::string_view s) {
  std::string out(trim_space(s));
  lower_ascii_in_place(out);
  return out;
}

// The body of a chunked transfer; false when `body` is not chunked at
// all (no chunk-size line where the first chunk starts).
bool dechunk(std::string_view body, std::size_t max_bytes, std::string& out,
             bool& too_large) {
  std::size_t pos = 0;
  bool first = true;
  while (pos < body.size()) {
    std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {
      if (first) return false;
      break;  // cut short
    }
    std::string_view line = body.substr(pos, eol - pos);
    if (std::size_t semi = line.find(';'); semi != std::string_view::npos)
      line = line.substr(0, semi);
    line = trim_space(line);
    std::size_t size = 0;
    bool ok = !line.empty() && line.size() <= 15;
    for (char c : line) {
      int digit = (c >= '0' && c <= '9')   ? c - '0'
                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                           : -1;
      if (digit < 0) {
        ok = false;
        break;
      }
      size = size * 16 + static_cast<std::size_t>(digit);
    }
    if (!ok) {
      if (first) return false;
      break;  // garbage after some chunks: keep what came before
    }
    first = false;
    if (size == 0) break;
    pos = eol + 1;
    std::size_t take = std::min(size, body.size() - pos);
    if (out.size() + take > max_bytes) {
      too_large = true;
      return true;
    }
    out.append(body.substr(pos, take));
    pos += take;
    // The chunk's CRLF.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return true;
}

// Inflates `in` (window_bits as zlib takes them: gzip, zlib or raw).
// Returns Z_OK when something came out (a stream cut short gives what
// it held), else the zlib error.
int inflate_body(std::string_view in, int window_bits, std::size_t max_bytes,
                 std::string& out, bool& too_large) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return Z_MEM_ERROR;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::array<char, 1 << 16> buf;
  int ret = Z_OK;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = buf.size();
    ret = inflate(&z, Z_NO_FLUSH);
    std::size_t produced = buf.size() - z.avail_out;
    if (out.size() + produced > max_bytes) {
      too_large = true;
      break;
    }
    out.append(buf.data(), produced);
    if (ret == Z_STREAM_END) {
      // Concatenated gzip members are one body.
      if (z.avail_in > 0 && window_bits > MAX_WBITS) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (ret != Z_OK) break;
    if (produced == 0 && z.avail_in == 0) break;  // cut short
  }
  inflateEnd(&z);
  if (too_large || ret == Z_STREAM_END || !out.empty()) return Z_OK;
  return ret == Z_OK ? Z_BUF_ERROR : ret;
}

}  // namespace

std::string parse_http_response(std::string_view block, HttpResponse& out) {
  out = HttpResponse{};
  std::size_t eol = block.find('\n');
  std::string_view status_line =
      trim_space(block.substr(0, std::min(eol, std::size_t{1024})));
  if (!status_line.starts_with("HTTP/")) return "not an HTTP response";
  std::size_t space = status_line.find(' ');
  std::string_view code =
      space == std::string_view::npos ? "" : status_line.substr(space + 1, 3);
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) {
        return c >= '0' && c <= '9';
      }))
    return "no HTTP status in '" + std::string(status_line.substr(0, 40)) + "'";
  out.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  if (eol == std::string_view::npos) return "";  // a status and no headers
  std::size_t pos = eol + 1;
  while (pos < block.size()) {
    if (pos > kMaxHeaderBytes) return "HTTP header longer than 1 MB";
    std::size_t end = block.find('\n', pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(pos, end - pos);
    pos = std::min(end + 1, block.size());
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) {
      out.body = block.substr(pos);
      return "";
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated
    std::string name = lower_trimmed(line.substr(0, colon));
    std::string_view value = trim_space(line.substr(colon + 1));
    if (name == "content-type") {
      std::string type(value.substr(0, value.find(';')));
      out.media_type = lower_trimmed(type);
      out.charset = charset_from_content_type(value);
    } else if (name == "content-encoding") {
      out.content_encoding = lower_trimmed(value);
    } else if (name == "transfer-encoding") {
      out.transfer_encoding = lower_trimmed(value);
    } else if (name == "content-language") {
      out.content_language = std::string(value);
    }
  }
  return "";  // headers and no body
}

std::string decode_http_body(const HttpResponse& response,
                             std::size_t max_bytes, std::string& out) {
  out.clear();
  bool too_large = false;
  std::string dechunked;
  std::string_view body = response.body;
  if (response.transfer_encoding.find("chunked") != std::string::npos &&
      dechunk(body, max_bytes, dechunked, too_large)) {
    body = dechunked;
  }
  if (too_large)
    return "a body over " + std::to_string(max_bytes >> 20) + " MB";
  const std::string& encoding = response.content_encoding;
  const bool gzip_magic = body.size() >= 2 &&
                          static_cast<unsigned char>(body[0]) == 0x1f &&
                          static_cast<unsigned char>(body[1]) == 0x8b;
  int ret = Z_OK;
  if ((encoding == "gzip" || encoding == "x-gzip") && gzip_magic) {
    ret = inflate_body(body, 16 + MAX_WBITS, max_bytes, out, too_large);
  } else if (encoding == "deflate" && !looks_like_html(body)) {
    // "deflate" is zlib-wrapped by the standard and raw by some servers.
    ret = inflate_body(body, MAX_WBITS, max_bytes, out, too_large);
    if (ret != Z_OK) {
      out.clear();
      ret = inflate_body(body, -MAX_WBITS, max_bytes, out, too_large);
    }
  } else if (encoding.empty() || encoding == "identity" || encoding == "gzip" ||
             encoding == "x-gzip" || encoding == "deflate" ||
             looks_like_html(body)) {
    // Not encoded, or stored decoded although the header says otherwise.
    if (body.size() > max_bytes)
      too_large = true;
    else
      out.assign(body);
  } else {
    return "content encoding '" + encoding + "' is not supported";
  }
  if (too_large) {
    out.clear();
    return "a body over " + std::to_string(max_bytes >> 20) + " MB";
  }
  if (ret != Z_OK) {
    out.clear();
    return "cannot inflate the " + encoding + " body";
  }
  return "";
}

bool is_html_media_type(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

bool looks_like_html(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  std::size_t i = 0;
  while (i < body.size() &&
         (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' ||
          body[i] == '\r' || body[i] == '\f'))
    ++i;
  body.remove_prefix(i);
  if (body.starts_with("<!--")) return true;
  static constexpr std::string_view kTags[] = {"<!doctype html",
                                               "<html",
                                               "<head",
                                               "<script",
                                               "<iframe",
                                               "<h1",
                                               "<div",
                                               "<font",
                                               "<table",
                                               "<a",
                                               "<style",
                                               "<title",
                                               "<b",
                                               "<body",
                                               "<br",
                                               "<p"};
  std::string start(body.substr(0, 16));
  lower_ascii_in_place(start);
  for (std::string_view tag : kTags) {
    if (!start.starts_with(tag)) continue;
    // The tag's name must end there (a space or '>').
    if (start.size() > tag.size()) {
      char after = start[tag.size()];
      if (after == ' ' || after == '>' || after == '\t' || after == '\n' ||
          after == '\r' || after == '/')
        return true;
    }
  }
  return false;
}

}  // namespace newsdex
