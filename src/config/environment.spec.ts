import { ConfigError, loadConfig } from './environment';

describe('loadConfig', () => {
  it('runs with no variables at all: embedded database, port 3000, German defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', embeddedDatabase: true, cookieSecure: false, NODE_ENV: 'development' });
  });

  it('uses DATABASE_URL and marks cookies Secure in production', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', NODE_ENV: 'production', PORT: '8080', CHECK_IN_SECRET: 'a-long-enough-secret' });
    expect(config).toMatchObject({ embeddedDatabase: false, cookieSecure: true, PORT: 8080 });
  });

  it('names every malformed variable and what it expects', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', ORGANISER_EMAIL: 'a@b.de' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    expect(text).toMatch(/^PORT="abc": .*must be an integer number/m);
    expect(text).toMatch(/^DATABASE_URL="mysql:\/\/x": must be a PostgreSQL URL/m);
    expect(text).toMatch(/^LOG_LEVEL="loud": must be one of the following values/m);
    expect(text).toMatch(/^ORGANISER_PASSWORD: must be set when ORGANISER_EMAIL is set/m);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).embeddedDatabase).toBe(true);
  });
});
