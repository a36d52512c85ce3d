import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';
import fr from './fr.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'fr', label: 'Français' },
] as const;
export type LangCode = (typeof LANGUAGES)[number]['code'];
export const LANG_STORAGE_KEY = 'concord.lang';

function initialLanguage(): LangCode {
  const supported = LANGUAGES.map((l) => l.code) as string[];
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    if (stored && supported.includes(stored)) return stored as LangCode;
  } catch {
    /* storage may be unavailable (private mode); fall back to the browser */
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.slice(0, 2).toLowerCase();
    if (supported.includes(base)) return base as LangCode;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru }, fr: { translation: fr } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLang(lng: string) {
  document.documentElement.lang = lng;
}
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lng);
  } catch {
    /* ignore */
  }
});

export default i18n;
