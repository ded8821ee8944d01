/**
 * The bundled scenarios' names in Russian — the scenario, its schemes and its people — so
 * a Russian-speaking owner opens the articles' stories in the articles' words (GLOSSARY.md).
 * Names only: the numbers are the files' own, so the results are the same in either
 * language. Keyed by bundled id, then by scheme and staff id; a name missing here stays
 * as the file has it.
 */
export interface BundledNames {
  name: string;
  schemes: Record<string, string>;
  staff: Record<string, string>;
}

const department = { head: 'Начальник отдела', masha: 'Маша', vasya: 'Вася', olya: 'Оля' };

export const BUNDLED_RU: Record<string, BundledNames> = {
  'client-department': {
    name: 'Клиентский отдел (статья 002)',
    schemes: {
      linear: '0,1% от оборота',
      threshold: '(C − 40 млн) × 0,5%',
      tranches: 'Порог траншами по третям: 50% к 15-му, 90% к 25-му',
    },
    staff: department,
  },
  'team-split': {
    name: 'Раздел бонуса клиентского отдела (статья 002)',
    schemes: {
      equal: 'Уравниловка (поровну)',
      discretion: 'Волюнтаризм (решает начальник)',
      doubleDiscretion: 'Двойной волюнтаризм (начальник + коммерческий директор)',
      awardsEqual: 'Начальнику 40% + премии и удержания + остаток поровну',
      keyClients: 'Премии + треть за план по ключевым клиентам (5 крупнейших, 50% к 20-му)',
    },
    staff: { ...department, petya: 'Петя', dasha: 'Даша', kolya: 'Коля' },
  },
  'sales-stagnation': {
    name: 'Стагнация продаж (статьи 001, 003, 004)',
    schemes: {
      ownClients: '«Свои» клиенты: 5% от их платежей',
      hunterFarmer: 'МПК 5% с новых клиентов (6 месяцев), МРК 5% со своей базы',
      tickets: 'Система тикетов; МПК 5% с новых клиентов (6 месяцев)',
      process: 'Сдельно по бизнес-процессу: 100 ₽ за нормо-час, 180 ₽ сверх 150 в месяц',
      marketing: 'Автоматизированный маркетинг и диспетчер; 1% от оборота команде',
    },
    staff: { head: 'Руководитель продаж', anna: 'Анна', boris: 'Борис', vera: 'Вера', gleb: 'Глеб', desk: 'Бэк-офис' },
  },
  'star-inbound-sector': {
    name: 'Клиентский сектор на входящем потоке: звёздная болезнь (статья 000)',
    schemes: {
      flat: '10% от платежей новых клиентов',
      decades: '10% от платежей новых клиентов, план по декадам',
      attestation: 'То же + переаттестация раз в 6 месяцев',
      deputy: 'То же + контроль заместителя',
      both: 'Переаттестация и заместитель',
    },
    staff: { head: 'Заведующий клиентским сектором', irina: 'Ирина', kirill: 'Кирилл', lena: 'Лена', maxim: 'Максим', desk: 'Бэк-офис' },
  },
  'absence-and-departures': {
    name: 'Больничные, отпуска и уходы (статьи 002, 003)',
    schemes: {
      personal: '«Свои» клиенты: (свой оборот − 13,33 млн) × 0,5%',
      team: 'Общий бонус: (C − 40 млн) × 0,5%',
      conveyor: 'Процессинговый центр, общий бонус',
    },
    staff: department,
  },
};
