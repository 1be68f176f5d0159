/**
 * Who orders from the unit: libraries, NGOs, universities and individuals from many
 * countries, with names in their own scripts. Each region gives names, cities with
 * postal codes, a phone prefix and the Latin spelling used in e-mail addresses.
 */
export interface Person {
  /** The name as written on the form. */
  name: string;
  /** A Latin spelling for the e-mail address (names in other scripts have one too). */
  handle: string;
}

export interface Region {
  country: string;
  weight: number;
  phone: string;
  domains: readonly string[];
  cities: readonly { city: string; postal: string }[];
  streets: readonly string[];
  people: readonly Person[];
  organisations: readonly string[];
  /** Family name first (Chinese, Vietnamese, Hungarian…). */
  familyFirst?: boolean;
}

function people(given: readonly (readonly [string, string])[], family: readonly (readonly [string, string])[]): Person[] {
  return given.flatMap(([g, gh]) => family.map(([f, fh]) => ({ name: `${g} ${f}`, handle: `${gh}.${fh}` })));
}

function peopleFamilyFirst(given: readonly (readonly [string, string])[], family: readonly (readonly [string, string])[]): Person[] {
  return given.flatMap(([g, gh]) => family.map(([f, fh]) => ({ name: `${f}${g}`, handle: `${gh}.${fh}` })));
}

function peopleFamilyFirstSpaced(given: readonly (readonly [string, string])[], family: readonly (readonly [string, string])[]): Person[] {
  return given.flatMap(([g, gh]) => family.map(([f, fh]) => ({ name: `${f} ${g}`, handle: `${gh}.${fh}` })));
}

const latin = (names: readonly string[]) => names.map((n) => [n, n] as const);

export const REGIONS: readonly Region[] = [
  {
    country: 'CH',
    weight: 14,
    phone: '+41',
    domains: ['bluewin.ch', 'unige.ch', 'gmail.com', 'epfl.ch'],
    cities: [
      { city: 'Genève', postal: '12##' },
      { city: 'Lausanne', postal: '10##' },
      { city: 'Zürich', postal: '80##' },
      { city: 'Bern', postal: '30##' },
      { city: 'Neuchâtel', postal: '20##' },
      { city: 'Fribourg', postal: '17##' },
    ],
    streets: ['Rue de Lausanne', 'Bahnhofstrasse', 'Avenue de France', 'Chemin des Crêts', 'Rue du Rhône'],
    people: people(
      [['Zoë', 'zoe'], ['Léa', 'lea'], ['Jürg', 'juerg'], ['Céline', 'celine'], ['Andrea', 'andrea'], ['Noémie', 'noemie'], ['Lukas', 'lukas']],
      [['Ångström-Müller', 'angstrom'], ['Favre', 'favre'], ['Müller', 'mueller'], ['Rochat', 'rochat'], ['Bärtschi', 'baertschi'], ['Dubois', 'dubois'], ['Keller', 'keller']],
    ),
    organisations: ['Bibliothèque de Genève', 'Graduate Institute Library', 'Caritas Schweiz', 'Croix-Rouge genevoise'],
  },
  {
    country: 'FR',
    weight: 9,
    phone: '+33',
    domains: ['orange.fr', 'free.fr', 'sciencespo.fr', 'gmail.com'],
    cities: [
      { city: 'Paris', postal: '750##' },
      { city: 'Lyon', postal: '6900#' },
      { city: 'Marseille', postal: '130##' },
      { city: 'Strasbourg', postal: '670##' },
    ],
    streets: ['Rue de Rivoli', 'Boulevard Saint-Germain', 'Rue de la République', 'Quai des Célestins'],
    people: people(
      [['Élodie', 'elodie'], ['François', 'francois'], ['Hélène', 'helene'], ['Jérôme', 'jerome'], ['Amélie', 'amelie']],
      [['Lefèvre', 'lefevre'], ['Dupré', 'dupre'], ['Garçon', 'garcon'], ['Bénard', 'benard'], ['Moreau', 'moreau']],
    ),
    organisations: ['Médecins du Monde', 'Bibliothèque Sciences Po', 'Secours Catholique'],
  },
  {
    country: 'DE',
    weight: 7,
    phone: '+49',
    domains: ['web.de', 'gmx.de', 'hu-berlin.de'],
    cities: [
      { city: 'Berlin', postal: '10###' },
      { city: 'München', postal: '80###' },
      { city: 'Köln', postal: '50###' },
      { city: 'Düsseldorf', postal: '40###' },
    ],
    streets: ['Hauptstraße', 'Schloßallee', 'Goethestraße', 'Königsweg'],
    people: people(
      [['Jürgen', 'juergen'], ['Käthe', 'kaethe'], ['Sören', 'soeren'], ['Anja', 'anja'], ['Maximilian', 'max']],
      [['Weiß', 'weiss'], ['Schröder', 'schroeder'], ['Groß', 'gross'], ['Fischer', 'fischer'], ['Lößner', 'loessner']],
    ),
    organisations: ['Deutsches Rotes Kreuz', 'Staatsbibliothek zu Berlin'],
  },
  {
    country: 'PL',
    weight: 5,
    phone: '+48',
    domains: ['wp.pl', 'onet.pl', 'uw.edu.pl'],
    cities: [
      { city: 'Kraków', postal: '3#-###' },
      { city: 'Łódź', postal: '9#-###' },
      { city: 'Gdańsk', postal: '8#-###' },
      { city: 'Warszawa', postal: '0#-###' },
      { city: 'Wrocław', postal: '5#-###' },
    ],
    streets: ['ul. Żeromskiego', 'ul. Świętokrzyska', 'al. Jerozolimskie', 'ul. Długa'],
    people: people(
      [['Łukasz', 'lukasz'], ['Małgorzata', 'malgorzata'], ['Wojciech', 'wojciech'], ['Agnieszka', 'agnieszka'], ['Paweł', 'pawel']],
      [['Żółć', 'zolc'], ['Wiśniewski', 'wisniewski'], ['Sołtys', 'soltys'], ['Kaczmarek', 'kaczmarek'], ['Łęcki', 'lecki']],
    ),
    organisations: ['Fundacja La Strada', 'Biblioteka Uniwersytecka w Warszawie'],
  },
  {
    country: 'VN',
    weight: 4,
    phone: '+84',
    domains: ['gmail.com', 'vnu.edu.vn', 'yahoo.com.vn'],
    cities: [
      { city: 'Hà Nội', postal: '100###' },
      { city: 'Thành phố Hồ Chí Minh', postal: '700###' },
      { city: 'Đà Nẵng', postal: '550###' },
      { city: 'Huế', postal: '530###' },
    ],
    streets: ['Phố Hàng Bạc', 'Đường Lê Lợi', 'Phố Tràng Tiền', 'Đường Nguyễn Huệ'],
    people: peopleFamilyFirstSpaced(
      [['Ngọc', 'ngoc'], ['Thị Hương', 'huong'], ['Văn Đức', 'duc'], ['Minh Anh', 'minhanh'], ['Quốc Bảo', 'bao']],
      [['Trần', 'tran'], ['Nguyễn', 'nguyen'], ['Phạm', 'pham'], ['Lê', 'le'], ['Đặng', 'dang']],
    ),
    organisations: ['Trung tâm Nghiên cứu Giới', 'Thư viện Quốc gia Việt Nam'],
  },
  {
    country: 'EG',
    weight: 3,
    phone: '+20',
    domains: ['gmail.com', 'aucegypt.edu', 'hotmail.com'],
    cities: [
      { city: 'القاهرة', postal: '11###' },
      { city: 'الإسكندرية', postal: '21###' },
    ],
    streets: ['شارع التحرير', 'شارع الهرم', 'شارع قصر النيل'],
    people: people(
      [['محمد', 'mohamed'], ['فاطمة', 'fatma'], ['أحمد', 'ahmed'], ['ليلى', 'layla'], ['يوسف', 'youssef']],
      [['الحسن', 'elhassan'], ['عبد الله', 'abdallah'], ['السيد', 'elsayed'], ['منصور', 'mansour'], ['الشريف', 'elsherif']],
    ),
    organisations: ['مكتبة الإسكندرية', 'المجلس القومي للمرأة'],
  },
  {
    country: 'JO',
    weight: 2,
    phone: '+962',
    domains: ['ju.edu.jo', 'gmail.com'],
    cities: [
      { city: 'عمّان', postal: '11###' },
      { city: 'إربد', postal: '21###' },
    ],
    streets: ['شارع الملكة رانيا', 'شارع الجامعة'],
    people: people(
      [['خالد', 'khaled'], ['نور', 'nour'], ['سارة', 'sara']],
      [['الحسن', 'alhassan'], ['حداد', 'haddad'], ['العلي', 'alali']],
    ),
    organisations: ['Jordan River Foundation'],
  },
  {
    country: 'CN',
    weight: 4,
    phone: '+86',
    domains: ['163.com', 'qq.com', 'pku.edu.cn'],
    cities: [
      { city: '北京', postal: '100###' },
      { city: '上海', postal: '200###' },
      { city: '广州', postal: '510###' },
      { city: '成都', postal: '610###' },
    ],
    streets: ['长安街', '南京路', '中山路', '人民路'],
    people: peopleFamilyFirst(
      [['小明', 'xiaoming'], ['丽华', 'lihua'], ['建国', 'jianguo'], ['芳', 'fang'], ['伟', 'wei']],
      [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen']],
    ),
    organisations: ['北京大学图书馆', '中国社会科学院'],
  },
  {
    country: 'JP',
    weight: 2,
    phone: '+81',
    domains: ['u-tokyo.ac.jp', 'yahoo.co.jp'],
    cities: [
      { city: '東京', postal: '1##-####' },
      { city: '大阪', postal: '5##-####' },
    ],
    streets: ['本郷', '梅田'],
    people: peopleFamilyFirst(
      [['花子', 'hanako'], ['健', 'ken'], ['さくら', 'sakura']],
      [['山田', 'yamada'], ['佐藤', 'sato'], ['鈴木', 'suzuki']],
    ),
    organisations: ['国立国会図書館'],
  },
  {
    country: 'RU',
    weight: 3,
    phone: '+7',
    domains: ['mail.ru', 'yandex.ru', 'msu.ru'],
    cities: [
      { city: 'Москва', postal: '1#####' },
      { city: 'Санкт-Петербург', postal: '19####' },
      { city: 'Новосибирск', postal: '630###' },
    ],
    streets: ['ул. Тверская', 'Невский проспект', 'ул. Арбат'],
    people: people(
      [['Наталья', 'natalia'], ['Алексей', 'alexey'], ['Ольга', 'olga'], ['Дмитрий', 'dmitry'], ['Юлия', 'yulia']],
      [['Иванова', 'ivanova'], ['Смирнов', 'smirnov'], ['Кузнецова', 'kuznetsova'], ['Попов', 'popov'], ['Соколова', 'sokolova']],
    ),
    organisations: ['Российская государственная библиотека'],
  },
  {
    country: 'UA',
    weight: 3,
    phone: '+380',
    domains: ['ukr.net', 'gmail.com', 'knu.ua'],
    cities: [
      { city: 'Київ', postal: '0####' },
      { city: 'Львів', postal: '79###' },
      { city: 'Одеса', postal: '65###' },
    ],
    streets: ['вул. Хрещатик', 'вул. Шевченка', 'просп. Свободи'],
    people: people(
      [['Олена', 'olena'], ['Іван', 'ivan'], ['Оксана', 'oksana'], ['Євген', 'yevhen']],
      [['Ковальчук', 'kovalchuk'], ['Шевченко', 'shevchenko'], ['Мельник', 'melnyk'], ['Бондаренко', 'bondarenko']],
    ),
    organisations: ['La Strada-Україна'],
  },
  {
    country: 'GR',
    weight: 3,
    phone: '+30',
    domains: ['otenet.gr', 'uoa.gr', 'gmail.com'],
    cities: [
      { city: 'Αθήνα', postal: '1## ##' },
      { city: 'Θεσσαλονίκη', postal: '5## ##' },
      { city: 'Πάτρα', postal: '26# ##' },
    ],
    streets: ['Οδός Ερμού', 'Λεωφόρος Συγγρού', 'Οδός Αθηνάς'],
    people: people(
      [['Γιώργος', 'giorgos'], ['Ελένη', 'eleni'], ['Δημήτρης', 'dimitris'], ['Μαρία', 'maria']],
      [['Παπαδόπουλος', 'papadopoulos'], ['Οικονόμου', 'oikonomou'], ['Αλεξίου', 'alexiou'], ['Νικολάου', 'nikolaou']],
    ),
    organisations: ['Εθνική Βιβλιοθήκη της Ελλάδος'],
  },
  {
    country: 'ES',
    weight: 4,
    phone: '+34',
    domains: ['telefonica.es', 'ucm.es', 'gmail.com'],
    cities: [
      { city: 'Madrid', postal: '280##' },
      { city: 'Barcelona', postal: '080##' },
      { city: 'Sevilla', postal: '410##' },
      { city: 'A Coruña', postal: '150##' },
    ],
    streets: ['Calle de Alcalá', 'Carrer de Pau Claris', 'Avenida de la Constitución'],
    people: people(
      [['José', 'jose'], ['María', 'maria'], ['Iñaki', 'inaki'], ['Nuria', 'nuria'], ['Álvaro', 'alvaro']],
      [['Muñoz', 'munoz'], ['Peña', 'pena'], ['García', 'garcia'], ['Ibáñez', 'ibanez'], ['Castaño', 'castano']],
    ),
    organisations: ['Cruz Roja Española', 'Biblioteca Nacional de España'],
  },
  {
    country: 'NG',
    weight: 3,
    phone: '+234',
    domains: ['yahoo.com', 'unilag.edu.ng', 'gmail.com'],
    cities: [
      { city: 'Lagos', postal: '100###' },
      { city: 'Abuja', postal: '900###' },
      { city: 'Maiduguri', postal: '600###' },
      { city: 'Yola', postal: '640###' },
    ],
    streets: ['Adeola Odeku Street', 'Herbert Macaulay Way', 'Shehu Laminu Way'],
    people: people(
      [['Chinedu', 'chinedu'], ['Ngozi', 'ngozi'], ['Aisha', 'aisha'], ['Oluwaseun', 'seun'], ['Ibrahim', 'ibrahim']],
      [['Okafor', 'okafor'], ['Adeyemi', 'adeyemi'], ['Bello', 'bello'], ['Eze', 'eze'], ['Abubakar', 'abubakar']],
    ),
    organisations: ['NAPTIP Library', 'University of Maiduguri Library'],
  },
  {
    country: 'GB',
    weight: 6,
    phone: '+44',
    domains: ['btinternet.com', 'ox.ac.uk', 'lse.ac.uk'],
    cities: [
      { city: 'London', postal: 'SW1A #AA' },
      { city: 'Oxford', postal: 'OX1 #BN' },
      { city: 'Manchester', postal: 'M1 #AE' },
      { city: 'Edinburgh', postal: 'EH1 #YZ' },
    ],
    streets: ['Great Russell Street', 'Broad Street', 'Princes Street', "Queen's Road"],
    people: people(
      [['Siobhán', 'siobhan'], ['Oliver', 'oliver'], ['Amelia', 'amelia'], ['Rhys', 'rhys']],
      [["O'Brien", 'obrien'], ['Smith', 'smith'], ['Patel', 'patel'], ['MacLeod', 'macleod']],
    ),
    organisations: ['Anti-Slavery International', 'British Library', 'Unseen UK'],
  },
  {
    country: 'US',
    weight: 7,
    phone: '+1',
    domains: ['gmail.com', 'columbia.edu', 'outlook.com'],
    cities: [
      { city: 'New York, NY', postal: '100##' },
      { city: 'Washington, DC', postal: '200##' },
      { city: 'Chicago, IL', postal: '606##' },
      { city: 'San Francisco, CA', postal: '941##' },
    ],
    streets: ['Broadway', 'Massachusetts Avenue NW', 'Michigan Avenue', 'Market Street'],
    people: people(
      [['Emily', 'emily'], ['Michael', 'michael'], ['Renée', 'renee'], ['DeShawn', 'deshawn'], ['Sofía', 'sofia']],
      [['Johnson', 'johnson'], ['Nguyen', 'nguyen'], ['Rodríguez', 'rodriguez'], ['Kim', 'kim'], ['Williams', 'williams']],
    ),
    organisations: ['Polaris Project', 'Library of Congress', 'Columbia University Libraries'],
  },
  {
    country: 'SE',
    weight: 2,
    phone: '+46',
    domains: ['telia.com', 'uu.se'],
    cities: [
      { city: 'Uppsala', postal: '75# ##' },
      { city: 'Göteborg', postal: '41# ##' },
      { city: 'Malmö', postal: '21# ##' },
    ],
    streets: ['Storgatan', 'Drottninggatan', 'Kungsgatan'],
    people: people(
      [['Åsa', 'asa'], ['Björn', 'bjorn'], ['Märta', 'marta']],
      [['Öberg', 'oberg'], ['Lindqvist', 'lindqvist'], ['Ångström', 'angstrom']],
    ),
    organisations: ['Uppsala universitetsbibliotek'],
  },
  {
    country: 'TR',
    weight: 2,
    phone: '+90',
    domains: ['gmail.com', 'boun.edu.tr'],
    cities: [
      { city: 'İstanbul', postal: '34###' },
      { city: 'Ankara', postal: '06###' },
      { city: 'İzmir', postal: '35###' },
    ],
    streets: ['İstiklal Caddesi', 'Atatürk Bulvarı'],
    people: people(
      [['Ayşe', 'ayse'], ['Mehmet', 'mehmet'], ['Gülşen', 'gulsen']],
      [['Yılmaz', 'yilmaz'], ['Şahin', 'sahin'], ['Çelik', 'celik']],
    ),
    organisations: ['Göç İdaresi Kütüphanesi'],
  },
  {
    country: 'BR',
    weight: 2,
    phone: '+55',
    domains: ['uol.com.br', 'usp.br'],
    cities: [
      { city: 'São Paulo', postal: '01###-###' },
      { city: 'Brasília', postal: '70###-###' },
    ],
    streets: ['Avenida Paulista', 'Rua Augusta'],
    people: people(
      [['João', 'joao'], ['Conceição', 'conceicao'], ['Luís', 'luis']],
      [['Gonçalves', 'goncalves'], ['Araújo', 'araujo'], ['Simões', 'simoes']],
    ),
    organisations: ['Biblioteca Nacional do Brasil'],
  },
  {
    country: 'JM',
    weight: 1,
    phone: '+1 876',
    domains: ['gmail.com', 'uwimona.edu.jm'],
    cities: [{ city: 'Kingston', postal: '' }],
    streets: ['Hope Road', 'Mona Road'],
    people: people(latin(['Andre', 'Keisha', 'Marlon']), latin(['Campbell', 'Brown', 'Thompson'])),
    organisations: ['University of the West Indies Library'],
  },
  {
    country: 'KR',
    weight: 1,
    phone: '+82',
    domains: ['naver.com', 'snu.ac.kr'],
    cities: [{ city: '서울', postal: '0####' }],
    streets: ['세종대로', '테헤란로'],
    people: peopleFamilyFirst(
      [['민준', 'minjun'], ['서연', 'seoyeon']],
      [['김', 'kim'], ['이', 'lee'], ['박', 'park']],
    ),
    organisations: ['국립중앙도서관'],
  },
];
