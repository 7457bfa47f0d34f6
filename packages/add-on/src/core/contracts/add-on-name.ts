/**
 * The add-on's name, as a user sees it: its menu under Extensions, and the title of its Help.
 * Sheets names the menu that createAddonMenu() builds after the bound script project ("if the
 * script is bound to the document directly, the sub-menu name matches the script's name", Ui
 * reference), so the README's `clasp create-script --title` gives the project this name, the
 * playground's local runtime shows it, and a test holds the README and the playground to it.
 */
export const ADD_ON_NAME = 'Payment link tracking';
