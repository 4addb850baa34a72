import type { z } from 'zod';
import type { ReminderSchema } from './schemas.js';

/** The ten reminders of seed 003 in English, twin of reminders-nl.ts (same ids, same order). */
export const remindersEn: z.input<typeof ReminderSchema>[] = [
  {
    id: 'r1',
    number: 1,
    title: 'Start with yourself',
    explanation:
      'Collaboration does not start with the other party, but with what you and your organisation want and can do. If you know your own drivers and limits, you sit at the table more clearly.',
    questions: [
      { id: 'q1', label: 'What do you yourself really want to achieve with this collaboration?' },
      { id: 'q2', label: 'What does your organisation need to come on board, and where is its limit?' },
      { id: 'q3', label: 'Which habit of your own could get in the way of the collaboration?' },
    ],
  },
  {
    id: 'r2',
    number: 2,
    title: 'Keep balancing',
    explanation:
      'Collaborating means looking for balance: between your own and shared interests, between pace and support, between structure and room. You never find that balance for good; you look for it again and again.',
    questions: [
      { id: 'q1', label: 'Which way is our collaboration leaning too far right now?' },
      { id: 'q2', label: 'Which partner is currently giving more than it gets back?' },
      { id: 'q3', label: 'What small adjustment would bring us back into balance?' },
    ],
  },
  {
    id: 'r3',
    number: 3,
    title: 'Dual loyalty is a fact of life',
    explanation:
      'Everyone at this table also represents their own organisation, with its own expectations. Wearing two hats is normal. It only gets difficult when you keep quiet about it.',
    questions: [
      { id: 'q1', label: 'When do you feel tension between your own organisation and this collaboration?' },
      { id: 'q2', label: 'What do the people back home know about what is decided here, and what not yet?' },
      { id: 'q3', label: 'How can we help each other be open about wearing two hats?' },
    ],
  },
  {
    id: 'r4',
    number: 4,
    title: 'Go beyond the feel-good talk',
    explanation:
      'Fine words about being stronger together do not make a collaboration. Spell out what you want to achieve, what it asks of each of you and where it may chafe.',
    questions: [
      { id: 'q1', label: 'Which sentence in our plans sounds good but actually says little?' },
      { id: 'q2', label: 'What will be concretely different a year from now if this works?' },
      { id: 'q3', label: 'Which difficult point have we neatly avoided so far?' },
    ],
  },
  {
    id: 'r5',
    number: 5,
    title: 'Everyone can bring something',
    explanation:
      'Every partner has something to offer, including the small ones and those who just joined. If you see and use those contributions, the collaboration becomes richer and more equal.',
    questions: [
      { id: 'q1', label: 'What does each partner bring that the others do not have?' },
      { id: 'q2', label: 'Whose contribution are we overlooking at the moment?' },
      { id: 'q3', label: 'What do you hope to gain here, besides what you bring?' },
    ],
  },
  {
    id: 'r6',
    number: 6,
    title: 'Organise the square',
    explanation:
      'A collaboration does not run only on leaders who get along. The people doing the work need to know each other too, and within each organisation the top and the shop floor must stay connected. Make sure all four sides of that square work.',
    questions: [
      { id: 'q1', label: 'Do the people doing the work already know each other across the organisations?' },
      { id: 'q2', label: 'Do your colleagues in your own organisation know what is agreed here?' },
      { id: 'q3', label: 'Which side of the square is weakest right now, and what do we do about it?' },
    ],
  },
  {
    id: 'r7',
    number: 7,
    title: 'A good process gives you something to hold on to',
    explanation:
      'Even when the content is not yet clear, a good process gives direction: who does what, when we decide, how we talk to each other. That brings calm and trust, especially when things get tense.',
    questions: [
      { id: 'q1', label: 'Does everyone know what the next step is and when we decide?' },
      { id: 'q2', label: 'Who is in charge of the process, and is that clear to everyone?' },
      { id: 'q3', label: 'Which moment in our process deserves more time or attention?' },
    ],
  },
  {
    id: 'r8',
    number: 8,
    title: 'Build the right table',
    explanation:
      'Who sits at the table helps decide what is possible. Make sure the people you need are there, with the right mandate, and do not make the table bigger than it needs to be.',
    questions: [
      { id: 'q1', label: 'Who is missing at the table right now?' },
      { id: 'q2', label: 'Who is at the table without really needing to be?' },
      { id: 'q3', label: 'Can everyone at the table decide, or do some first have to report back home?' },
    ],
  },
  {
    id: 'r9',
    number: 9,
    title: 'Stay open-minded',
    explanation:
      'After a while you see partners through old experiences and fixed images. Stay curious and ask questions, instead of assuming you already know the answer.',
    questions: [
      { id: 'q1', label: 'Which image of a partner could you question for once?' },
      { id: 'q2', label: 'When were you last genuinely surprised by someone here?' },
      { id: 'q3', label: 'Which question do we not yet dare to ask each other?' },
    ],
  },
  {
    id: 'r10',
    number: 10,
    title: 'Make time for calm',
    explanation:
      'Trust does not grow on command, and not everything has to be solved today. Deliberately make time to pause, look back and catch your breath: that too is working on the collaboration.',
    questions: [
      { id: 'q1', label: 'Where are we trying to go too fast right now?' },
      { id: 'q2', label: 'When do we take time together to look back?' },
      { id: 'q3', label: 'What can safely wait for a while?' },
    ],
  },
];
