import type { SchoolSource } from './source-types.js';

/** Seed 004 in English, twin of schools-nl.ts (same ids, same order). */
export const schoolsEn: SchoolSource = {
  steps: [
    {
      id: 's1',
      title: 'Find out about the external organisation',
      points: [
        { id: 'visie', label: 'Does the organisation’s (educational) vision fit your school’s? Which sources does it rely on?' },
        { id: 'achtergrond', label: 'Where does the organisation come from, and does it fall under an umbrella organisation?' },
        { id: 'partners', label: 'Who does the organisation work with? Is it recognised or funded by the government?' },
        { id: 'leeftijd', label: 'Does the offer fit the age and the world of your pupils?' },
        { id: 'curriculum', label: 'Does the offer fit your curriculum, with links to attainment targets, development goals or syllabus goals?' },
        { id: 'ervaring', label: 'Does the organisation have experience in schools, and is it open about it?' },
        { id: 'onderbouwing', label: 'Which vision and method is the offer based on, and is it backed by research?' },
        { id: 'kennis_attitudes', label: 'Does the offer work on knowledge, and also on skills and attitudes?' },
        { id: 'veiligheid', label: 'How does the organisation ensure safety and trust, and does its teaching approach fit yours?' },
        { id: 'diversiteit', label: 'How does the organisation deal with the diversity of your pupils?' },
        { id: 'positief', label: 'Does it bring positive, preventive and educationally sound messages?' },
        { id: 'educatief', label: 'Are its intentions purely educational, or are ideological or political aims involved too?' },
        { id: 'meerwaarde', label: 'Does it teach your pupils something your school would find hard to offer itself?' },
      ],
    },
    {
      id: 's2',
      title: 'Ask others about their experience',
      points: [
        { id: 'collegas', label: 'Ask colleagues and acquaintances.' },
        { id: 'begeleider', label: 'Ask your pedagogical adviser.' },
        { id: 'ouders', label: 'Sound out parents and possibly pupils, for example at the school council or parents’ council.' },
        { id: 'gemeente', label: 'Ask your city or municipality: they often know the local offer well.' },
        { id: 'scholen', label: 'Ask other schools. Ask the organisation for a few schools you may contact as references.' },
      ],
    },
    {
      id: 's3',
      title: 'Say up front what you expect',
      points: [
        { id: 'inhoud', label: 'Agree on which content the organisation brings and how it fits your pupils’ learning process.' },
        { id: 'aanpak', label: 'Discuss the teaching approach and how the pupils will be worked with.' },
        { id: 'praktisch', label: 'Set down goals, content and practical matters: lesson times, group size and so on.' },
        { id: 'verwachtingen', label: 'Consider what your pupils and your colleagues expect from it.' },
      ],
    },
    {
      id: 's4',
      title: 'Never decide alone',
      points: [
        { id: 'directie', label: 'Consult your school leadership.' },
        { id: 'collegas', label: 'Consult your colleagues.' },
        { id: 'gedragen', label: 'Is the choice widely supported? Where needed, take it to the school team or the school council.' },
      ],
    },
    {
      id: 's5',
      title: 'Stay owner and director of the learning process',
      points: [
        { id: 'voorbereiden', label: 'Prepare the activity with your pupils and place it in the wider learning process.' },
        { id: 'aanspreekpunt', label: 'During the activity, pupils can always turn to someone from the school team with questions.' },
        { id: 'aanwezig', label: 'A teacher is always present in the room. That also matters legally for the school.' },
        { id: 'opvolger', label: 'Does the project run longer? Then one person from the team follows its progress.' },
        { id: 'nazorg', label: 'Stay available for questions afterwards and watch for signals from pupils.' },
        { id: 'evalueren', label: 'Afterwards, discuss the content and working methods with your pupils.' },
      ],
    },
    {
      id: 's6',
      title: 'Evaluate afterwards with your colleagues',
      points: [
        { id: 'nabespreken', label: 'Look back with your colleagues: how did the collaboration go?' },
        { id: 'register', label: 'Add the organisation to the register of external organisations, with what helped and what hindered.' },
      ],
      evaluation: [
        {
          id: 'hielp',
          label: 'What helped the collaboration along?',
          hint: 'Think of your school (the class group, the atmosphere, the communication) and of the organisation (how it communicated, how well it responded to your class).',
        },
        {
          id: 'hinderde',
          label: 'What made the collaboration difficult?',
          hint: 'Here too: was it the school, the organisation, or both?',
        },
      ],
    },
  ],
  attention: [
    {
      id: 'pedagogisch_project',
      label: 'The school’s pedagogical project',
      hint: 'Test every collaboration against your pedagogical project: it is the lens through which you look at an offer.',
    },
    {
      id: 'eindtermen',
      label: 'Attainment targets and development goals',
      hint: 'Check how the collaboration contributes to the attainment targets, development goals and syllabuses.',
    },
    {
      id: 'visieteksten',
      label: 'OVSG vision texts',
      hint: 'See whether a vision text on the subject exists. If there is none, check your position with your pedagogical adviser.',
    },
    {
      id: 'rok',
      label: 'Reference framework for educational quality (rOK)',
      hint: 'The rOK helps you decide where to put your priorities when you look for an external partner.',
    },
    {
      id: 'zorgvuldig_bestuur',
      label: 'Careful governance',
      hint: 'Rules apply to political messages, commercial activities, advertising and sponsoring at school. Check them for a sensitive offer.',
    },
    {
      id: 'participatie',
      label: 'Participation decree and school council',
      hint: 'Bring the collaboration to the school council, so staff, parents and pupils can think along and the choice is widely supported.',
    },
    {
      id: 'privacy',
      label: 'Pupils’ privacy',
      hint: 'Give externals no data about individual pupils, not even when they ask, and do not let them collect any in class either.',
    },
  ],
};
