/**
 * The politeness and function words of the languages people mix into English here (Spanish,
 * Portuguese, French, Indonesian, Hindi and Urdu written in Latin letters, Tagalog, Turkish, Arabic
 * greetings). They say nothing of the subject and are no misspelling of an English word: the
 * knowledge search drops them like stop words, and typo correction leaves them as typed ("merci"
 * is thanks, not a misspelt "mercy"). Words that are also English subject words ("sim", "main",
 * "eu", "hindi") are left out.
 */
export const MIXED_IN_WORDS: readonly string[] = (
  // politeness and greetings
  'hola buenas buenos gracias favor oi ola obrigado obrigada bom boa dia tarde noite halo kak terima kasih tolong po salamat ' +
  'bhai ji yaar salam assalam alaikum habibi merci bonjour bitte danke hallo merhaba lah ' +
  'grazie shukran shukriya dhanyavad dhanyavaad arigato tesekkurler sagol ' +
  // function words
  'de del la el los las en y e o para por con mi mis tu su sus que como pero tambien algo muy mas ya soy estoy tengo es esta este esto ' +
  'um uma meu minha do da dos das na nas com sem ao isso esse essa eu ele ela voce porque quando onde qual tem estou ' +
  'je mon ma mes le les du des et est pour avec sur dans ne que qui une mais aussi ' +
  'saya aku ini itu dan di ke dari yang untuk dengan sudah udah belum bisa ada apa kenapa gimana bagaimana mau kalau juga tapi atau dong nih sih ' +
  'mera meri mere mujhe mujhko hai hain ka ki ke ko se aur kya kyu kyun kaise tha thi raha rahi gaya bhi toh ' +
  'ang ng sa ako mo yung nang ba pa lang kasi naman ' +
  'bir ve ile icin bu ama cok ben benim'
).split(' ');
