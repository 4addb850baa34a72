import type { StepText } from '../step-schema.js';

/** The four step cards in English; validated when steps.ts loads. */
export const stepsEn: StepText[] = [
    {
      step: 1,
      title: 'Step 1 · Explore the idea',
      intro:
        'As idea follower you explore the idea, first on your own and then with potential partners. Together your answers fill in the info sheet.',
      facts: [],
      questions: [
        {
          id: 'waarom',
          label: 'Why collaborate?',
          hint: 'Which societal challenge does the idea respond to? What do recent insights and figures say about that challenge, and about what helps?',
        },
        {
          id: 'doelen',
          label: 'What are the goals?',
          hint: 'What do you want this idea to achieve, given that challenge? Are the goals clear, and can you actually reach them?',
        },
        {
          id: 'hoe',
          label: 'How to collaborate?',
          hint: 'How will you reach your goal? Which puzzle pieces do you bring together: expertise, people, activities or services, resources? Within which financial frame?',
        },
        {
          id: 'met_wie',
          label: 'Who to collaborate with?',
          hint: 'Which partners do you need for those puzzle pieces? Who is already at the table? What can and will each partner contribute?',
        },
      ],
    },
    {
      step: 2,
      title: 'Step 2 · Check internally',
      intro:
        'Prepare the internal checks with the support services, then discuss them with your own team and the policy team. What comes out are follow-up points and necessary conditions.',
      facts: [
        { title: 'Goal', text: 'Together you achieve more than any partner could on its own.' },
        { title: 'Differentiation', text: 'Every partner that is needed takes part, and no partner is superfluous.' },
        { title: 'Integration', text: 'It goes beyond consultation: you really work together.' },
        {
          title: 'Coordination',
          text: 'You agree who coordinates: all of you together, one network leader, or an external coordinator.',
        },
      ],
      questions: [
        {
          id: 'drijfveer',
          label: 'Motivation check: does the idea fit our organisation?',
          hint: 'Does it match our mission, vision and mandate? Financially, does it bring something in, break even, or is it an investment?',
        },
        {
          id: 'expertise',
          label: 'Expertise check: do we have the expertise in house?',
          hint: 'Is the expertise there, and do those people have time? How do you keep the work interesting for experienced colleagues? How do you support new colleagues?',
        },
        {
          id: 'samenwerk',
          label: 'Collaboration check: will this be real collaboration?',
          hint: 'Do the partners share goals beyond what each wants alone? Are all needed partners at the table, and none superfluous? Are all puzzle pieces found and connected? Are the partners equals? Is the mood in the talks good?',
        },
        {
          id: 'opvolgpunten',
          label: 'Which follow-up points are there?',
          hint: 'What still needs to be looked into or arranged before you can move on? Put one point per line.',
          items: 'opvolgpunt',
        },
        {
          id: 'voorwaarden',
          label: 'Which necessary conditions must be met?',
          hint: 'What must be in place before you can make a good decision? Put one point per line.',
          items: 'voorwaarde',
        },
      ],
    },
    {
      step: 3,
      title: 'Step 3 · Make it concrete with external partners',
      intro:
        'With the external partners you put the puzzle together: you make the ‘how’ concrete and agree on arrangements. If new follow-up points come up, feel free to go back to step 1.',
      facts: [
        {
          title: 'Do not fix too much',
          text: 'Organising well does not mean agreeing on everything in advance. Fix too much and you take away people’s autonomy and their joy at work.',
        },
        {
          title: 'The puzzle pieces',
          text: 'Expertise, people, activities or services, resources: bring together what it takes to reach the goal.',
        },
      ],
      questions: [
        {
          id: 'bundelen',
          label: 'Which activities belong together in one bundle?',
          hint: 'Bundle activities that belong together and give each bundle as much decision power as possible, so partners or teams can steer themselves.',
        },
        {
          id: 'afstemming',
          label: 'How do the bundles work together?',
          hint: 'Who needs what from whom, and when? Agree how the bundles collaborate and stay aligned.',
        },
        {
          id: 'ondersteuning',
          label: 'Which overarching support is really needed?',
          hint: 'Which coordination and support across the bundles do you need? Fix only what is needed, no more.',
        },
        {
          id: 'procesindicatoren',
          label: 'Which process indicators show that things run well?',
          hint: 'Choose meaningful indicators for how you work together: for the collaboration as a whole and for each partner separately.',
        },
        {
          id: 'resultaatsindicatoren',
          label: 'Which result indicators show that it works?',
          hint: 'Choose meaningful indicators for what the collaboration delivers: for the whole and per partner. Better a few that matter than many.',
        },
      ],
    },
    {
      step: 4,
      title: 'Step 4 · Decide together with colleagues',
      intro:
        'Go through the follow-up points and necessary conditions with your contact in the support services. Then you decide together.',
      facts: [
        {
          title: 'What happens next',
          text: 'The facilitator picks one of the three outcomes. Then you measure the temperature in the team and decide with the policy team: go or no go.',
        },
      ],
      questions: [
        {
          id: 'opvolgpunten_check',
          label: 'Have all follow-up points been handled?',
          hint: 'Go through each follow-up point with the support services. What is settled, and what is still open?',
        },
        {
          id: 'voorwaarden_check',
          label: 'Are the necessary conditions met?',
          hint: 'Check each necessary condition together with the support services. Where does it still chafe?',
        },
      ],
    },
  ];
