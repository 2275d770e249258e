import { useDemoPage } from '../demoContext';
import { demoRoles, pathOf, type DemoLocale, type DemoScheme } from '../routes';
import { demoText, roleKey } from './demoText';

const languages: readonly { readonly locale: DemoLocale; readonly label: string }[] = [
  { locale: 'en', label: 'English' },
  { locale: 'ja', label: '日本語' },
];
const schemes: readonly DemoScheme[] = ['light', 'dark'];

/** Links to the same page as another role, in another language, in light or dark: stable URLs. */
export function Switchers() {
  const { routeState, locale } = useDemoPage();
  const { route, role, scheme } = routeState;
  const current = { role, locale: routeState.locale, scheme };
  return (
    <nav className="demo-switchers" aria-label={`${demoText(locale, 'role')} · ${demoText(locale, 'language')} · ${demoText(locale, 'theme')}`}>
      <ul className="demo-switchers__group" aria-label={demoText(locale, 'role')} data-switcher="role">
        {demoRoles.map((candidate) => (
          <li key={candidate}>
            <a href={pathOf(route, { ...current, role: candidate })} aria-current={candidate === role ? 'page' : undefined} data-role={candidate}>
              {demoText(locale, roleKey(candidate))}
            </a>
          </li>
        ))}
      </ul>
      <ul className="demo-switchers__group" aria-label={demoText(locale, 'language')} data-switcher="language">
        {languages.map((language) => (
          <li key={language.locale}>
            <a href={pathOf(route, { ...current, locale: language.locale })} aria-current={language.locale === locale ? 'page' : undefined} lang={language.locale} data-lang={language.locale}>
              {language.label}
            </a>
          </li>
        ))}
      </ul>
      <ul className="demo-switchers__group" aria-label={demoText(locale, 'theme')} data-switcher="theme">
        {schemes.map((candidate) => (
          <li key={candidate}>
            <a href={pathOf(route, { ...current, scheme: candidate })} aria-current={candidate === scheme ? 'page' : undefined} data-theme={candidate}>
              {demoText(locale, candidate)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
