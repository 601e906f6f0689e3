// The number formats of MySQL's locales (decimal point, thousands separator, digit grouping) for FORMAT(x, d, locale),
// as MySQL's locale table (sql_locale.cc) defines them; they differ from CLDR's (fr_FR groups no digits in MySQL).
// https://dev.mysql.com/doc/refman/8.0/en/locale-support.html

/** How a locale writes numbers: `grouping` lists group sizes from the decimal point leftwards, the last repeating. */
export interface NumberLocale {
  readonly decimalPoint: string;
  readonly thousandsSeparator: string;
  readonly grouping: readonly number[];
}

const style = (decimalPoint: string, thousandsSeparator: string, grouping: readonly number[] = [3]): NumberLocale => ({ decimalPoint, thousandsSeparator, grouping });

/** The styles and the locales that use them (every value of lc_time_names). */
const STYLES: readonly (readonly [NumberLocale, string])[] = [
  [style('.', ','), 'ar_AE ar_BH ar_DZ ar_EG ar_IN ar_IQ ar_JO ar_KW ar_LB ar_LY ar_MA ar_OM ar_QA ar_SD ar_SY ar_TN ar_YE en_AU en_CA en_GB en_NZ en_PH en_US en_ZA en_ZW es_DO es_GT es_HN es_MX es_NI es_PA es_PE es_PR es_SV es_US gu_IN he_IL hi_IN ja_JP ko_KR ms_MY th_TH ur_PK zh_CN zh_HK zh_TW'],
  [style(',', '.'), 'be_BY da_DK de_BE de_DE de_LU es_AR es_BO es_CL es_CO es_EC es_ES es_PY es_UY es_VE fo_FO hu_HU id_ID is_IS lt_LT mn_MN nb_NO no_NO ro_RO ru_UA sq_AL tr_TR uk_UA vi_VN'],
  [style(',', ' '), 'cs_CZ es_CR et_EE fi_FI lv_LV mk_MK ru_RU sk_SK sv_FI sv_SE'],
  [style(',', '', []), 'ca_ES de_AT el_GR eu_ES fr_BE fr_CA fr_CH fr_FR fr_LU gl_ES hr_HR it_IT nl_BE nl_NL pl_PL pt_BR pt_PT sl_SI'],
  [style('.', '', []), 'ar_SA sr_RS'],
  [style('.', "'"), 'de_CH'],
  [style(',', "'"), 'it_CH rm_CH'],
  [style('.', ',', [3, 2]), 'en_IN ta_IN te_IN'],
  // MySQL's table gives bg_BG a NUL thousands separator, which FORMAT writes as is.
  [style(',', '\0'), 'bg_BG'],
];

const byName = new Map<string, NumberLocale>(STYLES.flatMap(([format, names]) => names.split(' ').map((name) => [name.toLowerCase(), format] as const)));

/** en_US, FORMAT's default. */
export const DEFAULT_NUMBER_LOCALE: NumberLocale = byName.get('en_us')!;

/** The locale named `name` (any letter case), or undefined when MySQL has no such locale. */
export function findNumberLocale(name: string): NumberLocale | undefined {
  return byName.get(name.toLowerCase());
}

/** Digits `integral` grouped by the locale ('1234567' → '1.234.567' for de_DE). */
export function groupDigits(integral: string, locale: NumberLocale): string {
  if (locale.grouping.length === 0 || locale.thousandsSeparator === '') return integral;
  const groups: string[] = [];
  let end = integral.length;
  for (let i = 0; end > 0; i++) {
    const size = locale.grouping[Math.min(i, locale.grouping.length - 1)]!;
    groups.unshift(integral.slice(Math.max(end - size, 0), end));
    end -= size;
  }
  return groups.join(locale.thousandsSeparator);
}
