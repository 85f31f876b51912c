// Charset labels, BOMs, iconv conversion and uchardet detection.
#include "indexer/extract/html/page_charset.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <array>
#include <cerrno>
#include <utility>

#include "common/text_utf8.h"

namespace newsdex {

std::string iconv_charset_name(std::string_view label) {
  std::string l(trim_space(label));
  lower_ascii_in_place(l);
  while (!l.empty() && (l.back() == '"' || l.back() == '\'')) l.pop_back();
  while (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.erase(0, 1);
  if (l.empty()) return "";
  // Labels whose WHATWG meaning differs from iconv's, or iconv lacks.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 40>
      kAliases{{
          {"utf-8", "UTF-8"},
          {"utf8", "UTF-8"},
          {"unicode-1-1-utf-8", "UTF-8"},
          // A page cannot really be UTF-16 when its meta tag was readable.
          {"utf-16", "UTF-8"},
          {"utf-16le", "UTF-8"},
          {"utf-16be", "UTF-8"},
          {"unicode", "UTF-8"},
          {"us-ascii", "CP1252"},
          {"ascii", "CP1252"},
          {"iso-8859-1", "CP1252"},
          {"iso8859-1", "CP1252"},
          {"iso_8859-1", "CP1252"},
          {"latin1", "CP1252"},
          {"latin-1", "CP1252"},
          {"l1", "CP1252"},
          {"cp819", "CP1252"},
          {"iso-8859-9", "CP1254"},
          {"latin5", "CP1254"},
          {"iso-8859-11", "CP874"},
          {"tis-620", "CP874"},
          {"windows-874", "CP874"},
          {"gb2312", "GBK"},
          {"gb_2312-80", "GBK"},
          {"x-gbk", "GBK"},
          {"chinese", "GBK"},
          {"euc-kr", "CP949"},
          {"ks_c_5601-1987", "CP949"},
          {"windows-949", "CP949"},
          {"shift_jis", "CP932"},
          {"shift-jis", "CP932"},
          {"sjis", "CP932"},
          {"x-sjis", "CP932"},
          {"ms_kanji", "CP932"},
          {"windows-31j", "CP932"},
          {"big5", "BIG5-HKSCS"},
          {"x-mac-cyrillic", "MAC-CYRILLIC"},
          {"koi", "KOI8-R"},
          {"koi8", "KOI8-R"},
          {"x-user-defined", "CP1252"},
          {"x-cp1251", "CP1251"},
      }};
  for (const auto& [alias, name] : kAliases) {
    if (l == alias) return std::string(name);
  }
  // windows-125x, cp125x, iso-8859-x, koi8-r/u, euc-jp, gbk, gb18030, ...:
  // iconv knows these labels as they are; ask it.
  std::string name = l;
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  iconv_close(cd);
  return name;
}

ByteOrderMark find_byte_order_mark(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {"UTF-8", 3};
  if (bytes.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
  if (bytes.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
  return {};
}

std::string charset_from_content_type(std::string_view content_type) {
  std::string lower(content_type);
  lower_ascii_in_place(lower);
  std::size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  at += 7;
  while (at < lower.size() && lower[at] == ' ') ++at;
  if (at >= lower.size() || lower[at] != '=') return "";
  ++at;
  while (at < lower.size() &&
         (lower[at] == ' ' || lower[at] == '"' || lower[at] == '\''))
    ++at;
  std::size_t end = at;
  while (end < lower.size() && lower[end] != ';' && lower[end] != ' ' &&
         lower[end] != '"' && lower[end] != '\'')
    ++end;
  return lower.substr(at, end - at);
}

std::optional<std::string> convert_to_utf8(std::string_view bytes,
                                           const std::string& charset) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  while (in_left > 0) {
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    std::size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {
      // EILSEQ or EINVAL (a truncated sequence at the end): one byte is
      // lost to U+FFFD and conversion goes on after it.
      if (out.size() - used < 3) out.resize(out.size() * 2);
      out.replace(used, 3, "\xEF\xBF\xBD");
      used += 3;
      ++in;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  out.resize(used);
  return out;
}

std::string detect_charset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  // Detection needs only a sample; the whole of a 50 MB page is not read.
  std::size_t sample = std::min<std::size_t>(bytes.size(), 256 * 1024);
  std::string name;
  if (uchardet_handle_data(detector, bytes.data(), sample) == 0) {
    uchardet_data_end(detector);
    const char* found = uchardet_get_charset(detector);
    if (found && *found) name = iconv_charset_name(found);
  }
  uchardet_delete(detector);
  return name;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  while (true) {
    std::size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos) {
      out += text;
      return out;
    }
    out += text.substr(0, bad);
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
}

}  // namespace newsdex
