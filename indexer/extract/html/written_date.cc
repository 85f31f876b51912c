// Dates written in text and URLs: a small tokenizer and the forms news
// pages write, month names in several languages.
#include "indexer/extract/html/written_date.h"

#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/text_utf8.h"

namespace newsdex {
namespace {

int folded_month(const std::string& word) {
  static const std::unordered_map<std::string, int> kMonths = [] {
    std::unordered_map<std::string, int> m;
    auto add = [&m](int month, std::initializer_list<const char*> names) {
      for (const char* n : names) m.emplace(n, month);
    };
    add(1, {"january", "jan", "januar", "jänner", "janvier", "janv", "enero",
            "gennaio", "janeiro", "januari", "ocak", "января", "январь",
            "січня", "січень", "stycznia", "ene"});
    add(2, {"february", "feb", "februar", "février", "fevrier", "févr",
            "febrero", "febbraio", "fevereiro", "februari", "şubat", "февраля",
            "февраль", "лютого", "лютий", "lutego"});
    add(3, {"march", "mar", "märz", "mars", "marzo", "março", "maart", "mart",
            "марта", "март", "березня", "березень", "marca", "mär"});
    add(4, {"april", "apr", "avril", "abril", "aprile", "nisan", "апреля",
            "апрель", "квітня", "квітень", "kwietnia", "avr"});
    add(5, {"may", "mai", "mayo", "maggio", "maio", "mei", "mayıs", "мая",
            "май", "травня", "травень", "maja"});
    add(6, {"june", "jun", "juni", "juin", "junio", "giugno", "junho",
            "haziran", "июня", "июнь", "червня", "червень", "czerwca"});
    add(7, {"july", "jul", "juli", "juillet", "julio", "luglio", "julho",
            "temmuz", "июля", "июль", "липня", "липень", "lipca", "juil"});
    add(8, {"august", "aug", "août", "aout", "agosto", "augustus", "ağustos",
            "августа", "август", "серпня", "серпень", "sierpnia"});
    add(9, {"september", "sep", "sept", "septembre", "septiembre", "setiembre",
            "settembre", "setembro", "eylül", "сентября", "сентябрь", "вересня",
            "вересень", "września"});
    add(10, {"october", "oct", "oktober", "octobre", "octubre", "ottobre",
             "outubro", "ekim", "октября", "октябрь", "жовтня", "жовтень",
             "października", "okt"});
    add(11, {"november", "nov", "novembre", "noviembre", "novembro", "kasım",
             "ноября", "ноябрь", "листопада", "листопад", "listopada"});
    add(12, {"december", "dec", "dezember", "décembre", "decembre", "diciembre",
             "dicembre", "dezembro", "aralık", "декабря", "декабрь", "грудня",
             "грудень", "grudnia", "dez", "déc"});
    return m;
  }();
  auto it = kMonths.find(word);
  return it == kMonths.end() ? 0 : it->second;
}

struct Token {
  std::string text;  // digits, or a folded word
  bool number = false;
  char sep = 0;  // the one punctuation character right after it, if any
  std::size_t begin = 0, end = 0;  // its bytes in the text
};

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::vector<Token> tokenize_dates(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t start = i;
    Token t;
    if (c >= '0' && c <= '9') {
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      t.number = true;
      t.text = std::string(text.substr(start, i - start));
    } else if (is_word_byte(c)) {
      while (i < text.size() &&
             is_word_byte(static_cast<unsigned char>(text[i])))
        ++i;
      t.text = fold_case(text.substr(start, i - start));
    } else {
      ++i;
      continue;
    }
    t.begin = start;
    t.end = i;
    if (i < text.size()) {
      char p = text[i];
      if (p == '.' || p == '/' || p == '-' || p == ',') t.sep = p;
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::optional<ArticleDate> make_day(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 ||
      day > 31)
    return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return parse_date(buf);
}

int number_of(const Token& t, std::size_t max_digits) {
  if (!t.number || t.text.size() > max_digits) return -1;
  return std::stoi(t.text);
}

bool is_ordinal_suffix(const Token& t) {
  return !t.number && (t.text == "st" || t.text == "nd" || t.text == "rd" ||
                       t.text == "th" || t.text == "er" || t.text == "de");
}

// Calls found(date, first token, last token) for each date written in
// `t`, in order, until it returns true.
template <typename Found>
void for_each_date(const std::vector<Token>& t, bool month_first,
                   YearDigits years, Found&& found) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto at = [&t](std::size_t k) -> const Token* {
      return k < t.size() ? &t[k] : nullptr;
    };
    // Chinese, Japanese and Korean: 2025年6月2日, 2025년 6월 2일.
    if (t[i].number && t[i].text.size() == 4 && at(i + 4) &&
        (t[i + 1].text == "年" || t[i + 1].text == "년") && t[i + 2].number &&
        (t[i + 3].text == "月" || t[i + 3].text == "월") && t[i + 4].number) {
      if (auto date = make_day(std::stoi(t[i].text), number_of(t[i + 2], 2),
                               number_of(t[i + 4], 2))) {
        if (found(*date, i, i + 4)) return;
        i += 4;
        continue;
      }
    }
    // Numeric: 2025-06-02, 2025/06/02, 02.06.2025, 6/2/2025.
    if (t[i].number && t[i].sep && at(i + 2) && t[i + 1].number &&
        t[i + 1].sep == t[i].sep && t[i + 2].number) {
      int a = std::stoi(t[i].text.substr(0, 6));
      int b = number_of(t[i + 1], 2);
      std::optional<ArticleDate> date;
      if (t[i].text.size() == 4) {
        date = make_day(a, b, number_of(t[i + 2], 2));
      } else if (t[i].text.size() <= 2 && t[i + 2].text.size() == 2 &&
                 years == YearDigits::kTwoOrFour && t[i].sep == '.' &&
                 !(t[i + 2].sep == '.' && at(i + 3) && t[i + 3].number)) {
        // 31.10.23 (and not 31.10.23.5)
        date = make_day(2000 + number_of(t[i + 2], 2), b, a);
      } else if (t[i].text.size() <= 2 && t[i + 2].text.size() == 4) {
        int y = std::stoi(t[i + 2].text);
        // Day first with dots (02.06.2025) and dashes; with slashes as
        // the page's language writes them.
        bool mdy = month_first && t[i].sep == '/';
        if (a > 12) mdy = false;
        if (b > 12) mdy = true;
        date = mdy ? make_day(y, a, b) : make_day(y, b, a);
      }
      if (date) {
        if (found(*date, i, i + 2)) return;
        i += 2;
      }
      continue;
    }
    if (!t[i].number) {
      // June 2, 2025 / June 2nd 2025 / Jun. 2 2025.
      int m = folded_month(t[i].text);
      if (m && at(i + 1) && t[i + 1].number) {
        int d = number_of(t[i + 1], 2);
        std::size_t k = i + 2;
        if (at(k) && is_ordinal_suffix(t[k])) ++k;
        if (at(k) && t[k].number && t[k].text.size() == 4) {
          if (auto date = make_day(std::stoi(t[k].text), m, d)) {
            if (found(*date, i, k)) return;
            i = k;
          }
        }
      }
      continue;
    }
    // 2 June 2025 / 2. Juni 2025 / 2 de junio de 2025 / 2nd June, 2025.
    int d = number_of(t[i], 2);
    if (d < 1) continue;
    std::size_t k = i + 1;
    if (at(k) && is_ordinal_suffix(t[k])) ++k;
    if (!at(k) || t[k].number) continue;
    int m = folded_month(t[k].text);
    if (!m) continue;
    ++k;
    if (at(k) && t[k].text == "de") ++k;
    if (at(k) && t[k].number && t[k].text.size() == 4) {
      if (auto date = make_day(std::stoi(t[k].text), m, d)) {
        if (found(*date, i, k)) return;
        i = k;
      }
    }
  }
}

// Words that mark the date after them as a change of the page, or as its
// publication (folded; matched anywhere in the few words before a date).
constexpr std::string_view kUpdatedLabels[] = {
    "updated",        "update:",       "modified",   "änderung",
    "geändert",       "aktualisiert",  "mis à jour", "modifié",
    "actualizado",    "actualización", "atualizado", "aggiornato",
    "güncellen",      "bijgewerkt",    "оновлено",   "обновлено",
    "zaktualizowano", "edited",        "revised"};
constexpr std::string_view kPublishedLabels[] = {
    "published",    "posted",       "erschienen",   "veröffentlicht",
    "publié",       "publicado",    "pubblicato",   "yayınlan",
    "gepubliceerd", "опубліковано", "опубликовано", "opublikowano",
    "erstellt",     "created"};

template <std::size_t N>
bool has_label(std::string_view before, const std::string_view (&labels)[N]) {
  for (std::string_view label : labels) {
    if (before.find(label) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::optional<ArticleDate> find_date_in_text(std::string_view text,
                                             bool month_first,
                                             YearDigits years) {
  std::optional<ArticleDate> first;
  for_each_date(tokenize_dates(text), month_first, years,
                [&first](const ArticleDate& d, std::size_t, std::size_t) {
                  first = d;
                  return true;
                });
  return first;
}

std::vector<WrittenDate> find_dates_in_text(std::string_view text,
                                            bool month_first,
                                            YearDigits years) {
  std::vector<WrittenDate> dates;
  std::vector<Token> t = tokenize_dates(text);
  std::size_t previous_end = 0;
  for_each_date(t, month_first, years,
                [&](const ArticleDate& d, std::size_t first, std::size_t last) {
                  WrittenDate w;
                  w.date = d;
                  w.offset = t[first].begin;
                  // The label: what stands between the last date and this
                  // one, its last few words.
                  std::size_t from = previous_end;
                  if (w.offset > from + 48) from = w.offset - 48;
                  std::string before =
                      fold_case(text.substr(from, w.offset - from));
                  w.labelled_updated = has_label(before, kUpdatedLabels);
                  w.labelled_published = has_label(before, kPublishedLabels);
                  previous_end = t[last].end;
                  dates.push_back(w);
                  return dates.size() >= 16;
                });
  return dates;
}

std::optional<ArticleDate> find_date_in_url(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t path =
      url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  struct Number {
    std::string_view digits;
    char before;          // the character before it
    bool after_previous;  // only that one character after the last number
  };
  std::vector<Number> numbers;
  std::size_t previous_end = std::string_view::npos;
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] >= '0' && p[i] <= '9') {
      std::size_t s = i;
      while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
      char before = s > 0 ? p[s - 1] : 0;
      char after = i < p.size() ? p[i] : 0;
      numbers.push_back(
          {p.substr(s, i - s), before,
           previous_end != std::string_view::npos && s == previous_end + 1});
      previous_end = i;
      // An 8-digit run set off by separators: /20250602/.
      std::string_view run = p.substr(s, i - s);
      if (run.size() == 8 &&
          (before == '/' || before == '-' || before == '_') &&
          (after == '/' || after == '-' || after == '_' || after == '.' ||
           after == 0)) {
        int y = std::stoi(std::string(run.substr(0, 4)));
        int m = std::stoi(std::string(run.substr(4, 2)));
        int d = std::stoi(std::string(run.substr(6, 2)));
        if (y >= 1995) {
          if (auto date = make_day(y, m, d)) return date;
        }
      }
    } else {
      ++i;
    }
  }
  for (std::size_t i = 0; i + 2 < numbers.size(); ++i) {
    std::string_view y = numbers[i].digits, m = numbers[i + 1].digits,
                     d = numbers[i + 2].digits;
    char ys = numbers[i].before, ms = numbers[i + 1].before,
         ds = numbers[i + 2].before;
    if (y.size() != 4 || m.size() > 2 || d.size() > 2) continue;
    // "2022-land-zahlte-rund-1-4": words between are not a date.
    if (!numbers[i + 1].after_previous || !numbers[i + 2].after_previous)
      continue;
    // "/2025/06/02/", "/2025-06-02-talks", "/news/2025-06-02": month and
    // day set off alike, the year after the same mark or a '/'.
    if ((ms != '/' && ms != '-' && ms != '_') || ds != ms ||
        (ys != ms && ys != '/')) {
      continue;
    }
    int year = std::stoi(std::string(y));
    if (year < 1995) continue;
    if (auto date = make_day(year, std::stoi(std::string(m)),
                             std::stoi(std::string(d))))
      return date;
  }
  return std::nullopt;
}

}  // namespace newsdex
