/** The add-on's user interface in Sheets: the menu, the sidebar, toasts and alerts. */

export interface MenuItem {
  caption: string;
  /** Name of the global function the item runs. */
  functionName: string;
}

/** Builds the add-on menu (Extensions > Credit Desk) from items; null items are separators. */
export function showAddonMenu(items: (MenuItem | null)[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Opens build/Sidebar.html in the sidebar, with a title. */
export function showSidebarPage(title: string): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(title);
  SpreadsheetApp.getUi().showSidebar(page);
}
