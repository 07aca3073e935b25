import { describe, expect, it } from 'vitest';
import { findIdentifyingDetails, type CheckLanguage } from '../../src/domain/identifiability';

function kinds(text: string, lang: CheckLanguage): string[] {
  return findIdentifyingDetails(text, lang).map((detail) => `${detail.kind}:${detail.text}`);
}

describe('could this identify someone?', () => {
  it('finds names, phones, e-mails, addresses and exact dates in English', () => {
    expect(
      kinds(
        'On 12 March a man followed Ana Pérez from 14 Harbour Road and called her on +44 7700 900123; she wrote to ana.perez@example.org.',
        'en',
      ),
    ).toEqual([
      'date:12 March',
      'name:Ana Pérez',
      'address:14 Harbour Road',
      'phone:+44 7700 900123',
      'email:ana.perez@example.org',
    ]);
    expect(kinds('It happened on March 3rd, and again on 2026-04-09.', 'en')).toEqual([
      'date:March 3rd',
      'date:2026-04-09',
    ]);
  });

  it('leaves sentence starts, months, days, the pronoun I, acronyms and apps alone in English', () => {
    expect(
      kinds(
        'Someone broke into the office in March. I think it was on a Monday. We use Signal and WhatsApp. The NGO reported it.',
        'en',
      ),
    ).toEqual([]);
    expect(kinds('Three men on the road stopped our car in 2025.', 'en')).toEqual([]);
  });

  it('finds names, addresses and dates in Spanish and ignores sentence starts and months', () => {
    expect(
      kinds('El 3 de mayo un coche siguió a María López hasta la calle Mayor 15.', 'es'),
    ).toEqual(['date:3 de mayo', 'name:María López', 'address:calle Mayor 15']);
    expect(kinds('¿Quién entró en la oficina? Nadie lo sabe. Pasó en Mayo.', 'es')).toEqual([]);
    expect(kinds('Me llamaron al 612 345 678 desde un número oculto.', 'es')).toEqual([
      'phone:612 345 678',
    ]);
  });

  it('finds names, addresses and dates in French and ignores sentence starts and months', () => {
    expect(
      kinds('Le 14 juillet, deux hommes ont attendu Karim devant le 8 rue des Lilas.', 'fr'),
    ).toEqual(['date:14 juillet', 'name:Karim', 'address:8 rue des Lilas']);
    expect(kinds('Ils sont venus en Août. Personne ne les a vus.', 'fr')).toEqual([]);
  });

  it('finds names after honorifics, streets, phones and dates in Arabic, with either digits', () => {
    expect(
      kinds(
        'في ١٢ مارس تبعت سيارة السيدة فاطمة حتى شارع الجمهورية رقم ٥ واتصلوا بها على ٠٥٥١٢٣٤٥٦٧',
        'ar',
      ),
    ).toEqual(['date:١٢ مارس', 'name:فاطمة', 'address:شارع الجمهورية رقم ٥', 'phone:٠٥٥١٢٣٤٥٦٧']);
    expect(kinds('حدث ذلك في مارس، وتواصلنا عن طريق الهاتف. هو حي يرزق.', 'ar')).toEqual([]);
    expect(kinds('التقيت Ana في المكتب.', 'ar')).toEqual(['name:Ana']);
  });

  it('reports each place once and keeps the text positions of what it found', () => {
    const text = 'Call Ana at 555 123 4567.';
    const details = findIdentifyingDetails(text, 'en');
    expect(details.map((d) => text.slice(d.start, d.end))).toEqual(['Ana', '555 123 4567']);
  });

  it('says nothing about years, counts and times', () => {
    expect(kinds('In 2025 we had 12 incidents, two at 10:30 and one at 18:45.', 'en')).toEqual([]);
  });
});
