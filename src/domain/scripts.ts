// Unicode script detection for the homograph rule (UTS #39 §5.1, mixed-script
// detection). JavaScript has no "script of this character" function, only
// `\p{Script=…}` tests, so we test a character against each script in turn,
// most common first. The regular expressions are built on first use, never on
// import, and a script name the runtime does not know (an older engine than
// the Unicode version of the list) is skipped rather than thrown.

const SCRIPT_NAMES: readonly string[] = (
  "Latin Cyrillic Greek Han Hiragana Katakana Hangul Bopomofo Arabic Hebrew Thai Devanagari " +
  "Armenian Georgian Bengali Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala Lao " +
  "Tibetan Myanmar Khmer Ethiopic Cherokee Mongolian Thaana Syriac Nko Yi Canadian_Aboriginal " +
  "Adlam Ahom Anatolian_Hieroglyphs Avestan Balinese Bamum Bassa_Vah Batak Bhaiksuki Brahmi " +
  "Braille Buginese Buhid Carian Caucasian_Albanian Chakma Cham Chorasmian Coptic Cuneiform " +
  "Cypriot Cypro_Minoan Deseret Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic " +
  "Garay Glagolitic Gothic Grantha Gunjala_Gondi Gurung_Khema Hanifi_Rohingya Hanunoo Hatran " +
  "Imperial_Aramaic Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kawi Kayah_Li " +
  "Kharoshthi Khitan_Small_Script Khojki Khudawadi Kirat_Rai Lepcha Limbu Linear_A Linear_B Lisu " +
  "Lycian Lydian Mahajani Makasar Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin " +
  "Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mro Multani " +
  "Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nushu Nyiakeng_Puachue_Hmong Ogham " +
  "Ol_Chiki Ol_Onal Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian " +
  "Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Osage Osmanya Pahawh_Hmong Palmyrene " +
  "Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada " +
  "Shavian Siddham SignWriting Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar Syloti_Nagri " +
  "Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tangsa Tangut Tifinagh Tirhuta Todhri Toto " +
  "Tulu_Tigalari Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Zanabazar_Square"
).split(" ");

/** Characters that belong to every script (digits, hyphen, combining marks). */
const COMMON_OR_INHERITED = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

let scriptTests: ReadonlyArray<readonly [string, RegExp]> | undefined;

function tests(): ReadonlyArray<readonly [string, RegExp]> {
  if (scriptTests === undefined) {
    const built: Array<readonly [string, RegExp]> = [];
    for (const name of SCRIPT_NAMES) {
      try {
        built.push([name, new RegExp(`^\\p{Script=${name}}$`, "u")]);
      } catch {
        // an engine older than this list's Unicode version: skip the script
      }
    }
    scriptTests = built;
  }
  return scriptTests;
}

/**
 * The scripts used by a string, ignoring Common and Inherited characters.
 * A character of a script this engine cannot name is reported as `Unknown`.
 *
 * @param text - any text
 * @returns the set of script names
 * @example
 * ```ts
 * scriptsOf("pаypal"); //=> Set { "Latin", "Cyrillic" }
 * ```
 */
export function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  let last: readonly [string, RegExp] | undefined;
  for (const ch of text) {
    if (COMMON_OR_INHERITED.test(ch)) continue;
    if (last?.[1].test(ch)) continue;
    last = tests().find(([, re]) => re.test(ch));
    found.add(last?.[0] ?? "Unknown");
  }
  return found;
}

// UTS #39 §5.2 "Highly Restrictive": one script, or one of these sets.
const ALLOWED_COMBINATIONS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/**
 * Whether a set of scripts is acceptable inside one label: a single script,
 * or a subset of a UTS #39 "highly restrictive" combination. Latin with
 * Cyrillic or Greek is never acceptable.
 *
 * @param scripts - the scripts of one label
 * @returns whether the label may use them together
 * @example
 * ```ts
 * isAllowedScriptMix(new Set(["Latin", "Han", "Katakana"])); //=> true
 * isAllowedScriptMix(new Set(["Latin", "Cyrillic"]));        //=> false
 * ```
 */
export function isAllowedScriptMix(scripts: ReadonlySet<string>): boolean {
  if (scripts.size <= 1) return true;
  return ALLOWED_COMBINATIONS.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}
