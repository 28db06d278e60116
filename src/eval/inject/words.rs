//! Small word lists the injections use: weekdays, months, scale words and
//! boilerplate lines per target language. Written for the evaluation
//! (common knowledge, not taken from the product's tables, so that the
//! injections do not share the rules' blind spots).

/// How a scale word is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleMode {
    /// The whole word.
    Word,
    /// The start of a word (the inflection ending stays).
    Prefix,
    /// The character right after a digit (CJK).
    AfterDigit,
}

/// Lists of interchangeable forms: within one list, entry `i` is weekday
/// (or month) `i`, all in the same grammatical case.
pub type FormLists = &'static [&'static [&'static str]];

/// Weekday lists of a language.
pub fn weekdays(lang: &str) -> FormLists {
    match lang {
        "en" => &[&[
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]],
        "de" => &[&[
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ]],
        "fr" => &[&[
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ]],
        "es" => &[&[
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
        ]],
        "it" => &[&[
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
        ]],
        "pt" => &[&[
            "segunda-feira",
            "terça-feira",
            "quarta-feira",
            "quinta-feira",
            "sexta-feira",
            "sábado",
            "domingo",
        ]],
        "cs" => &[
            &[
                "pondělí",
                "úterý",
                "středa",
                "čtvrtek",
                "pátek",
                "sobota",
                "neděle",
            ],
            &[
                "pondělí",
                "úterý",
                "středu",
                "čtvrtek",
                "pátek",
                "sobotu",
                "neděli",
            ],
        ],
        "ru" => &[
            &[
                "понедельник",
                "вторник",
                "среда",
                "четверг",
                "пятница",
                "суббота",
                "воскресенье",
            ],
            &[
                "понедельник",
                "вторник",
                "среду",
                "четверг",
                "пятницу",
                "субботу",
                "воскресенье",
            ],
        ],
        "uk" => &[
            &[
                "понеділок",
                "вівторок",
                "середа",
                "четвер",
                "п'ятниця",
                "субота",
                "неділя",
            ],
            &[
                "понеділок",
                "вівторок",
                "середу",
                "четвер",
                "п'ятницю",
                "суботу",
                "неділю",
            ],
        ],
        "ja" => &[&[
            "月曜日",
            "火曜日",
            "水曜日",
            "木曜日",
            "金曜日",
            "土曜日",
            "日曜日",
        ]],
        "zh" => &[
            &[
                "星期一",
                "星期二",
                "星期三",
                "星期四",
                "星期五",
                "星期六",
                "星期日",
            ],
            &["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
        ],
        _ => &[],
    }
}

/// Month lists of a language (none for Chinese and Japanese, whose months
/// are numbers).
pub fn months(lang: &str) -> FormLists {
    match lang {
        "en" => &[&[
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]],
        "de" => &[&[
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ]],
        "fr" => &[&[
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]],
        "es" => &[&[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]],
        "it" => &[&[
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ]],
        "pt" => &[&[
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ]],
        "cs" => &[
            &[
                "leden",
                "únor",
                "březen",
                "duben",
                "květen",
                "červen",
                "červenec",
                "srpen",
                "září",
                "říjen",
                "listopad",
                "prosinec",
            ],
            &[
                "ledna",
                "února",
                "března",
                "dubna",
                "května",
                "června",
                "července",
                "srpna",
                "září",
                "října",
                "listopadu",
                "prosince",
            ],
        ],
        "ru" => &[
            &[
                "январь",
                "февраль",
                "март",
                "апрель",
                "май",
                "июнь",
                "июль",
                "август",
                "сентябрь",
                "октябрь",
                "ноябрь",
                "декабрь",
            ],
            &[
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ],
        ],
        "uk" => &[
            &[
                "січень",
                "лютий",
                "березень",
                "квітень",
                "травень",
                "червень",
                "липень",
                "серпень",
                "вересень",
                "жовтень",
                "листопад",
                "грудень",
            ],
            &[
                "січня",
                "лютого",
                "березня",
                "квітня",
                "травня",
                "червня",
                "липня",
                "серпня",
                "вересня",
                "жовтня",
                "листопада",
                "грудня",
            ],
        ],
        _ => &[],
    }
}

/// Forms never changed because they are too often something else (English
/// "May" is also a modal verb at a sentence start).
pub const AMBIGUOUS: &[&str] = &["May"];

/// Scale words: (from, to, how matched), longest first where one is a
/// prefix of another.
pub fn scales(lang: &str) -> &'static [(&'static str, &'static str, ScaleMode)] {
    use ScaleMode::*;
    match lang {
        "en" => &[
            ("million", "billion", Word),
            ("millions", "billions", Word),
            ("billion", "million", Word),
            ("billions", "millions", Word),
            ("trillion", "billion", Word),
            ("thousand", "million", Word),
        ],
        "de" => &[
            ("Millionen", "Milliarden", Word),
            ("Milliarden", "Millionen", Word),
            ("Million", "Milliarde", Word),
            ("Milliarde", "Million", Word),
            ("Mio", "Mrd", Word),
            ("Mrd", "Mio", Word),
            ("Tausend", "Millionen", Word),
        ],
        "fr" => &[
            ("millions", "milliards", Word),
            ("milliards", "millions", Word),
            ("million", "milliard", Word),
            ("milliard", "million", Word),
            ("mille", "millions", Word),
        ],
        "es" => &[
            ("millones", "billones", Word),
            ("millón", "billón", Word),
            ("billones", "millones", Word),
            ("mil", "millones", Word),
        ],
        "it" => &[
            ("milioni", "miliardi", Word),
            ("miliardi", "milioni", Word),
            ("milione", "miliardo", Word),
            ("miliardo", "milione", Word),
        ],
        "pt" => &[
            ("milhões", "bilhões", Word),
            ("bilhões", "milhões", Word),
            ("milhão", "bilhão", Word),
        ],
        "cs" => &[
            ("milion", "miliard", Prefix),
            ("miliard", "milion", Prefix),
            ("mil", "mld", Word),
            ("mld", "mil", Word),
            ("tisíc", "milionů", Word),
        ],
        "ru" => &[
            ("миллион", "миллиард", Prefix),
            ("миллиард", "миллион", Prefix),
            ("млн", "млрд", Word),
            ("млрд", "млн", Word),
            ("тысяч", "миллионов", Word),
        ],
        "uk" => &[
            ("мільйон", "мільярд", Prefix),
            ("мільярд", "мільйон", Prefix),
            ("млн", "млрд", Word),
            ("млрд", "млн", Word),
            ("тисяч", "мільйонів", Word),
        ],
        "ja" => &[
            ("万", "億", AfterDigit),
            ("億", "万", AfterDigit),
            ("千", "万", AfterDigit),
        ],
        "zh" => &[
            ("万", "亿", AfterDigit),
            ("亿", "万", AfterDigit),
            ("千", "万", AfterDigit),
        ],
        _ => &[],
    }
}

/// A "read more" teaser prefix; a headline of another article follows it.
pub fn read_more(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "Read more:",
        "de" => "Lesen Sie auch:",
        "fr" => "Lire aussi :",
        "es" => "Leer más:",
        "it" => "Leggi anche:",
        "pt" => "Leia também:",
        "cs" => "Čtěte také:",
        "ru" => "Читайте также:",
        "uk" => "Читайте також:",
        "ja" => "あわせて読みたい：",
        "zh" => "延伸阅读：",
        _ => return None,
    })
}

/// A line of a comment form.
pub fn comment_form(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "Leave a comment",
        "de" => "Kommentar schreiben",
        "fr" => "Laisser un commentaire",
        "es" => "Deja un comentario",
        "it" => "Lascia un commento",
        "pt" => "Deixe um comentário",
        "cs" => "Přidat komentář",
        "ru" => "Оставить комментарий",
        "uk" => "Залишити коментар",
        "ja" => "コメントを書く",
        "zh" => "发表评论",
        _ => return None,
    })
}

/// A photo credit line.
pub fn photo_credit(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "Photo: Reuters",
        "de" => "Foto: dpa",
        "fr" => "Photo : AFP",
        "es" => "Foto: EFE",
        "it" => "Foto: ANSA",
        "pt" => "Foto: Lusa",
        "cs" => "Foto: ČTK",
        "ru" => "Фото: ТАСС",
        "uk" => "Фото: УНІАН",
        "ja" => "写真：共同通信",
        "zh" => "图片来源：新华社",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_complete() {
        for lang in [
            "en", "de", "fr", "es", "it", "pt", "cs", "ru", "uk", "ja", "zh",
        ] {
            assert!(weekdays(lang).iter().all(|l| l.len() == 7), "{lang}");
            assert!(months(lang).iter().all(|l| l.len() == 12), "{lang}");
            assert!(!scales(lang).is_empty(), "{lang}");
            assert!(
                read_more(lang).is_some()
                    && comment_form(lang).is_some()
                    && photo_credit(lang).is_some()
            );
        }
        assert!(weekdays("xx").is_empty() && read_more("xx").is_none());
    }
}
