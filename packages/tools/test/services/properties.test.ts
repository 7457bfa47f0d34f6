/** PropertiesService: strings only, null when absent, Apps Script's size limits. */
import { PropertyStores } from '../../src/services';
import { fakes } from './fixtures';

describe('PropertiesService', () => {
  it('stores strings, String()s anything else, and answers null when absent', () => {
    const { PropertiesService } = fakes();
    const props = PropertiesService.getScriptProperties();
    expect(props.getProperty('WEBHOOK_TOKEN')).toBeNull();
    props
      .setProperty('WEBHOOK_TOKEN', 'abc')
      .setProperty('count', 3 as unknown as string)
      .setProperty('flag', true as unknown as string);
    expect([props.getProperty('WEBHOOK_TOKEN'), props.getProperty('count'), props.getProperty('flag')]).toEqual(['abc', '3', 'true']);
    props.deleteProperty('count');
    expect(props.getProperty('count')).toBeNull();
    expect(fakes().services.properties.script.entries()).toEqual({});
  });

  it('refuses a value over 9 KB', () => {
    const props = fakes().PropertiesService.getScriptProperties();
    props.setProperty('max', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('utf8', 'é'.repeat(5000))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  it('refuses to grow a store past 500 KB, changing nothing', () => {
    const { PropertiesService, services } = fakes();
    const props = PropertiesService.getScriptProperties();
    const value = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${String(i).padStart(2, '0')}`, value);
    expect(() => props.setProperty('k56', value)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(services.properties.script.keys()).toHaveLength(56);
  });

  it('shares stores between executions and serializes them', () => {
    const stores = new PropertyStores();
    fakes({ propertyStores: stores }).PropertiesService.getScriptProperties().setProperty('WEBHOOK_TOKEN', 't');
    expect(fakes({ propertyStores: stores }).PropertiesService.getScriptProperties().getProperty('WEBHOOK_TOKEN')).toBe('t');
    const restored = PropertyStores.fromJSON(JSON.parse(JSON.stringify(stores)) as ReturnType<PropertyStores['toJSON']>);
    expect(restored.script.get('WEBHOOK_TOKEN')).toBe('t');
  });
});
