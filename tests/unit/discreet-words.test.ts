// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { topicWordsIn } from '../../src/domain/care';
import { discreetEntry, neutralText, neutralValue } from '../../src/domain/discreetWords';
import { readContentFiles } from '../../src/content/readContentFiles';
import { LANGUAGES } from '../../src/content/languages';
import { validateContent } from '../../src/content/validate';
import { files, validSession } from './content-fixtures';

describe('discreet mode on content words', () => {
  it('replaces the topic words in English, keeping their case', () => {
    // A security incident is an event, not a "wellbeing event".
    expect(neutralText('Security incidents', 'en')).toBe('Events');
    expect(neutralText('Identifying security incidents', 'en')).toBe('Identifying events');
    expect(neutralText('Security plan', 'en')).toBe('Wellbeing plan');
    expect(neutralText('Write one incident per card.', 'en')).toBe('Write one event per card.');
    expect(neutralText('A HUMAN RIGHTS defender', 'en')).toBe('A Colleague');
    expect(neutralText('INCIDENT LOG', 'en')).toBe('EVENT LOG');
    expect(neutralText('For human rights defenders and their security plan', 'en')).toBe(
      'For colleagues and their wellbeing plan',
    );
    // Text without the topic is left as it is.
    expect(neutralText('Door left open at night', 'en')).toBe('Door left open at night');
  });

  it('replaces them in Spanish, French and Arabic, and English words quoted there', () => {
    expect(neutralText('Incidentes de seguridad', 'es')).toBe('Sucesos');
    expect(neutralText('Un plan de seguridad', 'es')).toBe('Un plan de bienestar');
    expect(neutralText('defensores de derechos humanos', 'es')).toBe('colegas');
    expect(neutralText('Incidents de sécurité', 'fr')).toBe('Événements');
    expect(neutralText('حادثة واحدة', 'ar')).toBe('واقعة واحدة');
    expect(neutralText('المدافعين عن حقوق الإنسان', 'ar')).toBe('الزملاء');
    expect(neutralText('Plan de security', 'es')).toBe('Plan de wellbeing');
    for (const [text, language] of [
      ['Incidentes de seguridad y derechos humanos', 'es'],
      ['Incidents de sécurité et droits humains', 'fr'],
      ['حوادث أمنية وحقوق الإنسان', 'ar'],
    ] as const) {
      expect(topicWordsIn(neutralText(text, language), language)).toEqual([]);
    }
  });

  it('replaces whole words only, with natural phrases for compounds (English)', () => {
    // Was "Cyberwellbeing": a compound has its own entry.
    expect(neutralText('Cybersecurity for human rights defenders', 'en')).toBe(
      'Digital wellbeing for colleagues',
    );
    expect(neutralText('at a human rights NGO', 'en')).toBe('at a civil society NGO');
    expect(neutralText("Defenders' work, a defender's phone", 'en')).toBe(
      "Colleagues' work, a colleague's phone",
    );
    // Inside another word, nothing changes.
    expect(neutralText('Cyberwomen curriculum; incidentally; securityless', 'en')).toBe(
      'Cyberwomen curriculum; incidentally; securityless',
    );
  });

  it('keeps Spanish articles and adjectives in agreement with the neutral word', () => {
    expect(neutralText('La ciberseguridad', 'es')).toBe('El bienestar digital');
    expect(neutralText('la seguridad física de las personas defensoras', 'es')).toBe(
      'el bienestar físico de las personas del equipo',
    );
    expect(neutralText('de la seguridad y a la seguridad', 'es')).toBe(
      'del bienestar y al bienestar',
    );
    expect(neutralText('Una oficina de derechos humanos', 'es')).toBe(
      'Una oficina de la sociedad civil',
    );
    expect(neutralText('Los derechos humanos', 'es')).toBe('La sociedad civil');
    // Accented letters are letters: "incidentes" inside "incidentesé" is no word of its own.
    expect(neutralText('seguridadé', 'es')).toBe('seguridadé');
  });

  it('keeps French articles, elision and gender right', () => {
    // Was "Les notre travail".
    expect(neutralText("Les droits de l'homme", 'fr')).toBe('La société civile');
    expect(neutralText('des droits humains', 'fr')).toBe('de la société civile');
    expect(neutralText('aux droits de l’homme', 'fr')).toBe('à la société civile');
    // Was "cyberbien-être".
    expect(neutralText('La cybersécurité', 'fr')).toBe('Le bien-être numérique');
    expect(neutralText('de la sécurité, à la sécurité, cette sécurité', 'fr')).toBe(
      'du bien-être, au bien-être, ce bien-être',
    );
    expect(neutralText('la sécurité générale', 'fr')).toBe('le bien-être général');
    expect(neutralText("l'incident, cet incident", 'fr')).toBe("l'événement, cet événement");
    expect(neutralText('les défenseur·es et les femmes défenseures', 'fr')).toBe(
      'les collègues et les femmes collègues',
    );
    expect(neutralText('les mesures de sécurité', 'fr')).toBe('les mesures de bien-être');
  });

  it('replaces Arabic stems after their clitics, keeping the ending', () => {
    expect(neutralText('الحوادث الأمنية', 'ar')).toBe('الأحداث');
    expect(neutralText('والحوادث الأمنية', 'ar')).toBe('والأحداث');
    expect(neutralText('الخطة الأمنية', 'ar')).toBe('الخطة الرفاهية');
    expect(neutralText('للمدافعين والمدافعات', 'ar')).toBe('للزملاء والزميلات');
    expect(neutralText('لحقوق الإنسان', 'ar')).toBe('للمجتمع المدني');
    expect(neutralText('حادث أمني', 'ar')).toBe('حدث');
    expect(neutralText('بالأمن الرقمي', 'ar')).toBe('بالرفاه الرقمي');
    // "A conversation" holds the letters of "incident" inside it: left as it is.
    expect(neutralText('محادثة', 'ar')).toBe('محادثة');
  });

  it('leaves ids and references alone, and changes every text around them', () => {
    const value = {
      id: 'security-incidents',
      cases: ['own-incidents-timeline'],
      title: 'Security incidents',
      agenda: [{ id: 'incident-wall', title: 'The incident wall', points: ['Security first'] }],
    };
    expect(neutralValue(value, 'en')).toEqual({
      id: 'security-incidents',
      cases: ['own-incidents-timeline'],
      title: 'Events',
      agenda: [{ id: 'incident-wall', title: 'The event wall', points: ['Wellbeing first'] }],
    });
  });

  it("uses a file's own discreet title, validated in its front matter, before the lexicon", () => {
    const withOwn = validSession.replace(
      'summary: A session for tests.\n',
      'summary: A session for tests.\ndiscreet:\n  title: Team meeting\n',
    );
    const { library, errors } = validateContent(files({ 'sessions/en/demo-session.md': withOwn }));
    expect(errors).toEqual([]);
    const [entry] = library.sessions.en;
    expect(entry && discreetEntry(entry, 'en').data.title).toBe('Team meeting');
    const bad = validSession.replace(
      'summary: A session for tests.\n',
      'summary: A session for tests.\ndiscreet:\n  name: Team meeting\n',
    );
    expect(
      validateContent(files({ 'sessions/en/demo-session.md': bad })).errors.join('\n'),
    ).toMatch(/^sessions\/en\/demo-session\.md: discreet/m);
  });

  it('leaves no topic word in any title, summary or agenda title the project ships, in every language', () => {
    const { library } = validateContent(readContentFiles(process.cwd()));
    for (const language of LANGUAGES) {
      for (const entry of [...library.sessions[language], ...library.cases[language]]) {
        const shown = discreetEntry(entry, language);
        const agenda = 'agenda' in shown.data ? shown.data.agenda.map((item) => item.title) : [];
        const words = [shown.data.title, shown.data.summary, ...agenda, shown.body].join('\n');
        expect(topicWordsIn(words, language), `${language} ${entry.file}`).toEqual([]);
      }
    }
  });
});
