import { describe, expect, it } from "vitest";
import { parseEmailDomain } from "../../src/domain/email-domain.js";
import { scriptsOf } from "../../src/domain/scripts.js";

describe("scriptsOf", () => {
  it("names the scripts of a text, ignoring common characters", () => {
    expect(scriptsOf("pаypal-1")).toEqual(new Set(["Latin", "Cyrillic"]));
  });

  it("reports an unassigned code point as Unknown", () => {
    expect(scriptsOf("a\u0378")).toEqual(new Set(["Latin", "Unknown"]));
  });

  // One letter (the first in code point order) of every script the
  // homograph rule knows by name. A script the runtime's Unicode does not
  // know yet is skipped, as scriptsOf skips it.
  const known = (script: string) => {
    try {
      return new RegExp(`\\p{Script=${script}}`, "u").test("");
    } catch {
      return undefined;
    }
  };
  it.each(
    (
      [
        ["\u0041", "Latin"],
        ["\u0400", "Cyrillic"],
        ["\u0370", "Greek"],
        ["\u3005", "Han"],
        ["\u3041", "Hiragana"],
        ["\u30A1", "Katakana"],
        ["\u1100", "Hangul"],
        ["\u3105", "Bopomofo"],
        ["\u0620", "Arabic"],
        ["\u05D0", "Hebrew"],
        ["\u0E01", "Thai"],
        ["\u0904", "Devanagari"],
        ["\u0531", "Armenian"],
        ["\u10A0", "Georgian"],
        ["\u0980", "Bengali"],
        ["\u0A05", "Gurmukhi"],
        ["\u0A85", "Gujarati"],
        ["\u0B05", "Oriya"],
        ["\u0B83", "Tamil"],
        ["\u0C05", "Telugu"],
        ["\u0C80", "Kannada"],
        ["\u0D04", "Malayalam"],
        ["\u0D85", "Sinhala"],
        ["\u0E81", "Lao"],
        ["\u0F00", "Tibetan"],
        ["\u1000", "Myanmar"],
        ["\u1780", "Khmer"],
        ["\u1200", "Ethiopic"],
        ["\u13A0", "Cherokee"],
        ["\u1820", "Mongolian"],
        ["\u0780", "Thaana"],
        ["\u0710", "Syriac"],
        ["\u07CA", "Nko"],
        ["\uA000", "Yi"],
        ["\u1401", "Canadian_Aboriginal"],
        ["\u{1E900}", "Adlam"],
        ["\u{11700}", "Ahom"],
        ["\u{14400}", "Anatolian_Hieroglyphs"],
        ["\u{10B00}", "Avestan"],
        ["\u1B05", "Balinese"],
        ["\uA6A0", "Bamum"],
        ["\u{16AD0}", "Bassa_Vah"],
        ["\u1BC0", "Batak"],
        ["\u{11C00}", "Bhaiksuki"],
        ["\u{11003}", "Brahmi"],
        ["\u2800", "Braille"],
        ["\u1A00", "Buginese"],
        ["\u1740", "Buhid"],
        ["\u{102A0}", "Carian"],
        ["\u{10530}", "Caucasian_Albanian"],
        ["\u{11103}", "Chakma"],
        ["\uAA00", "Cham"],
        ["\u{10FB0}", "Chorasmian"],
        ["\u03E2", "Coptic"],
        ["\u{12000}", "Cuneiform"],
        ["\u{10800}", "Cypriot"],
        ["\u{12F90}", "Cypro_Minoan"],
        ["\u{10400}", "Deseret"],
        ["\u{11900}", "Dives_Akuru"],
        ["\u{11800}", "Dogra"],
        ["\u{1BC00}", "Duployan"],
        ["\u{13000}", "Egyptian_Hieroglyphs"],
        ["\u{10500}", "Elbasan"],
        ["\u{10FE0}", "Elymaic"],
        ["\u{10D4A}", "Garay"],
        ["\u2C00", "Glagolitic"],
        ["\u{10330}", "Gothic"],
        ["\u{11305}", "Grantha"],
        ["\u{11D60}", "Gunjala_Gondi"],
        ["\u{16100}", "Gurung_Khema"],
        ["\u{10D00}", "Hanifi_Rohingya"],
        ["\u1720", "Hanunoo"],
        ["\u{108E0}", "Hatran"],
        ["\u{10840}", "Imperial_Aramaic"],
        ["\u{10B60}", "Inscriptional_Pahlavi"],
        ["\u{10B40}", "Inscriptional_Parthian"],
        ["\uA984", "Javanese"],
        ["\u{11083}", "Kaithi"],
        ["\u{11F02}", "Kawi"],
        ["\uA90A", "Kayah_Li"],
        ["\u{10A00}", "Kharoshthi"],
        ["\u{18B00}", "Khitan_Small_Script"],
        ["\u{11200}", "Khojki"],
        ["\u{112B0}", "Khudawadi"],
        ["\u{16D40}", "Kirat_Rai"],
        ["\u1C00", "Lepcha"],
        ["\u1900", "Limbu"],
        ["\u{10600}", "Linear_A"],
        ["\u{10000}", "Linear_B"],
        ["\uA4D0", "Lisu"],
        ["\u{10280}", "Lycian"],
        ["\u{10920}", "Lydian"],
        ["\u{11150}", "Mahajani"],
        ["\u{11EE0}", "Makasar"],
        ["\u0840", "Mandaic"],
        ["\u{10AC0}", "Manichaean"],
        ["\u{11C72}", "Marchen"],
        ["\u{11D00}", "Masaram_Gondi"],
        ["\u{16E40}", "Medefaidrin"],
        ["\uAAE0", "Meetei_Mayek"],
        ["\u{1E800}", "Mende_Kikakui"],
        ["\u{109A0}", "Meroitic_Cursive"],
        ["\u{10980}", "Meroitic_Hieroglyphs"],
        ["\u{16F00}", "Miao"],
        ["\u{11600}", "Modi"],
        ["\u{16A40}", "Mro"],
        ["\u{11280}", "Multani"],
        ["\u{10880}", "Nabataean"],
        ["\u{1E4D0}", "Nag_Mundari"],
        ["\u{119A0}", "Nandinagari"],
        ["\u1980", "New_Tai_Lue"],
        ["\u{11400}", "Newa"],
        ["\u{16FE1}", "Nushu"],
        ["\u{1E100}", "Nyiakeng_Puachue_Hmong"],
        ["\u1681", "Ogham"],
        ["\u1C5A", "Ol_Chiki"],
        ["\u{1E5D0}", "Ol_Onal"],
        ["\u{10C80}", "Old_Hungarian"],
        ["\u{10300}", "Old_Italic"],
        ["\u{10A80}", "Old_North_Arabian"],
        ["\u{10350}", "Old_Permic"],
        ["\u{103A0}", "Old_Persian"],
        ["\u{10F00}", "Old_Sogdian"],
        ["\u{10A60}", "Old_South_Arabian"],
        ["\u{10C00}", "Old_Turkic"],
        ["\u{10F70}", "Old_Uyghur"],
        ["\u{104B0}", "Osage"],
        ["\u{10480}", "Osmanya"],
        ["\u{16B00}", "Pahawh_Hmong"],
        ["\u{10860}", "Palmyrene"],
        ["\u{11AC0}", "Pau_Cin_Hau"],
        ["\uA840", "Phags_Pa"],
        ["\u{10900}", "Phoenician"],
        ["\u{10B80}", "Psalter_Pahlavi"],
        ["\uA930", "Rejang"],
        ["\u16A0", "Runic"],
        ["\u0800", "Samaritan"],
        ["\uA882", "Saurashtra"],
        ["\u{11183}", "Sharada"],
        ["\u{10450}", "Shavian"],
        ["\u{11580}", "Siddham"],
        ["\u{1D800}", "SignWriting"],
        ["\u{10F30}", "Sogdian"],
        ["\u{110D0}", "Sora_Sompeng"],
        ["\u{11A50}", "Soyombo"],
        ["\u1B83", "Sundanese"],
        ["\u{11BC0}", "Sunuwar"],
        ["\uA800", "Syloti_Nagri"],
        ["\u1700", "Tagalog"],
        ["\u1760", "Tagbanwa"],
        ["\u1950", "Tai_Le"],
        ["\u1A20", "Tai_Tham"],
        ["\uAA80", "Tai_Viet"],
        ["\u{11680}", "Takri"],
        ["\u{16A70}", "Tangsa"],
        ["\u{16FE0}", "Tangut"],
        ["\u2D30", "Tifinagh"],
        ["\u{11480}", "Tirhuta"],
        ["\u{105C0}", "Todhri"],
        ["\u{1E290}", "Toto"],
        ["\u{11380}", "Tulu_Tigalari"],
        ["\u{10380}", "Ugaritic"],
        ["\uA500", "Vai"],
        ["\u{10570}", "Vithkuqi"],
        ["\u{1E2C0}", "Wancho"],
        ["\u{118A0}", "Warang_Citi"],
        ["\u{10E80}", "Yezidi"],
        ["\u{11A00}", "Zanabazar_Square"],
      ] as const
    ).filter(([, script]) => known(script) !== undefined),
  )("names the script of %j as %s, not Unknown", (letter, script) => {
    expect(scriptsOf(letter)).toEqual(new Set([script]));
  });
});

describe("the homograph rule with the less common scripts", () => {
  it("refuses a label mixing two of them, naming both", () => {
    expect(parseEmailDomain("\u1703\u1763.com")).toMatchObject({
      ok: false,
      error: { code: "mixed_scripts", label: "\u1703\u1763", scripts: ["Tagalog", "Tagbanwa"] },
    });
    expect(parseEmailDomain("a\u2D30.com")).toMatchObject({
      ok: false,
      error: { code: "mixed_scripts", scripts: ["Latin", "Tifinagh"] },
    });
  });

  it("accepts a label in one of them alone", () => {
    expect(parseEmailDomain("\u2D30\u2D31.com")).toEqual({ ok: true, value: "xn--4ljc.com" });
  });
});
