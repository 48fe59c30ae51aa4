import { createEnvironment } from '../../emulator';

describe('the built bundle in the emulator: onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE, touching nothing but the menu', () => {
    const env = createEnvironment();
    env.open('NONE');
    const menu = env.ui.menus[0];
    expect(menu).toBeDefined();
    const items = menu.items.flatMap((i) => ('functionName' in i ? [[i.caption, i.functionName]] : []));
    expect(items.length).toBeGreaterThan(0);
    expect(items).toContainEqual(['Open dashboard', 'showDashboard']);
  });

  it('opens the sidebar from the menu action', () => {
    const env = createEnvironment();
    env.execution({ authMode: 'FULL' }).call('showDashboard');
    expect(env.ui.sidebars).toHaveLength(1);
    expect(env.ui.sidebars[0].title).toBe('Credit Desk');
    expect(env.ui.sidebars[0].content).toContain('<script>');
  });
});
