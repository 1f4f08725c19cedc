import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { TeamsTheme } from './host';

const themes: Record<TeamsTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The Fluent theme that matches a Teams theme. */
export function fluentThemeFor(theme: TeamsTheme): Theme {
  return themes[theme];
}
