/**
 * The Swiss QR-bill payment part (Swiss Payment Standards, "Style Guide QR-bill"):
 * 210 × 105 mm at the foot of the page, a 62 mm receipt on the left and the payment part
 * with the 46 × 46 mm Swiss QR Code, separated by lines with a scissors symbol.
 * swissqrbill builds and validates the QR code (with its Swiss cross); it is drawn here
 * as one vector path, and the texts repeat exactly what the code holds.
 */
import { Circle, Line, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { SwissQRCode } from 'swissqrbill/pdf';
import { formatAmount, formatIBAN, formatReference } from 'swissqrbill/utils';
import type { Data as SwissQrBillData, Debtor } from 'swissqrbill/types';
import type { DocumentLanguage } from '../../shared/documents/invoice-document';
import { QR_BILL_FAMILIES } from './fonts';

const MM = 72 / 25.4;
const mm = (value: number) => value * MM;

/** The payment part may only be in German, French, Italian or English. */
const TEXTS = {
  en: {
    receipt: 'Receipt',
    paymentPart: 'Payment part',
    account: 'Account / Payable to',
    reference: 'Reference',
    additionalInformation: 'Additional information',
    payableBy: 'Payable by',
    currency: 'Currency',
    amount: 'Amount',
    acceptancePoint: 'Acceptance point',
    separate: 'Separate before paying in',
  },
  fr: {
    receipt: 'Récépissé',
    paymentPart: 'Section paiement',
    account: 'Compte / Payable à',
    reference: 'Référence',
    additionalInformation: 'Informations supplémentaires',
    payableBy: 'Payable par',
    currency: 'Monnaie',
    amount: 'Montant',
    acceptancePoint: 'Point de dépôt',
    separate: 'A détacher avant le versement',
  },
} as const;

export function qrBillLanguage(language: DocumentLanguage): keyof typeof TEXTS {
  return language === 'fr' ? 'fr' : 'en';
}

export interface QrModules {
  /** One path of every dark module, in points of a 46 mm square. */
  modules: string;
  /** The Swiss cross: white border, black square, white cross. */
  cross: Array<{ x: number; y: number; width: number; height: number; fill: string }>;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * swissqrbill builds the code and draws it on anything with PDFKit's drawing calls; they are
 * recorded here (in points of a 46 mm square, since react-pdf's Svg does not scale a viewBox
 * inside an absolutely placed view) instead of building its SVG and reading that back.
 */
export function qrCodeModules(data: SwissQrBillData): QrModules {
  const rects: Array<Box & { fill: string }> = [];
  let pending: Box[] = [];
  let colour = 'black';
  const recorder = {
    save: () => recorder,
    restore: () => recorder,
    translate: () => recorder,
    rect: (x: number, y: number, width: number, height: number) => (pending.push({ x, y, width, height }), recorder),
    fillColor: (fill: string) => ((colour = fill), recorder),
    fill: () => {
      for (const r of pending) rects.push({ ...r, fill: colour });
      pending = [];
      return recorder;
    },
  };
  new SwissQRCode(data, 46).attachTo(recorder as unknown as Parameters<SwissQRCode['attachTo']>[0], 0, 0);
  // The modules are filled black together, then the Swiss cross: white border, black square, white cross.
  const cross = rects.slice(-4);
  const modules = rects.slice(0, -4);
  if (modules.length < 100 || cross[0]?.fill !== 'white' || cross[1]?.fill !== 'black') throw new Error('Unexpected QR code drawing from swissqrbill.');
  // Dark modules one under the other (swissqrbill draws column by column) become one rectangle:
  // far less path to write, parse and rasterise.
  const runs: Box[] = [];
  for (const r of modules) {
    const last = runs[runs.length - 1];
    if (last && Math.abs(last.x - r.x) < 1e-6 && Math.abs(last.y + last.height - r.y) < 1e-6) last.height += r.height;
    else runs.push({ ...r });
  }
  // Rectangles overlap by a hair so no white seams appear between them when printed or rasterised.
  const d = runs.map((r) => `M${r.x.toFixed(3)} ${r.y.toFixed(3)}h${(r.width + 0.02).toFixed(3)}v${(r.height + 0.02).toFixed(3)}h${(-(r.width + 0.02)).toFixed(3)}Z`).join('');
  return { modules: d, cross };
}

function addressLines(party: Debtor): string[] {
  const street = party.buildingNumber !== undefined && party.buildingNumber !== '' ? `${party.address} ${party.buildingNumber}` : party.address;
  const prefix = party.country !== 'CH' ? `${party.country} - ` : '';
  return [party.name, street, `${prefix}${party.zip} ${party.city}`.trim()].filter((line) => line !== '');
}

const styles = {
  part: { position: 'absolute', left: 0, bottom: 0, width: mm(210), height: mm(105), fontFamily: QR_BILL_FAMILIES, color: '#000' },
  receiptTitle: { position: 'absolute', left: mm(5), top: mm(5), fontSize: 11, fontWeight: 700 },
  paymentTitle: { position: 'absolute', left: mm(67), top: mm(5), fontSize: 11, fontWeight: 700 },
} as const;

function Field({ heading, lines, headingSize, valueSize }: { heading: string; lines: string[]; headingSize: number; valueSize: number }) {
  return (
    <View style={{ marginBottom: valueSize === 8 ? 9 : 11 }}>
      <Text style={{ fontSize: headingSize, fontWeight: 700, lineHeight: 1.3 }}>{heading}</Text>
      {lines.map((line, index) => (
        <Text key={index} style={{ fontSize: valueSize, lineHeight: 1.2 }}>
          {line}
        </Text>
      ))}
    </View>
  );
}

function Scissors({ x, y, rotate }: { x: number; y: number; rotate: boolean }) {
  // Drawn pointing right; turned a quarter clockwise (x, y → 10 − y, x) for the vertical line.
  const p = (px: number, py: number) => (rotate ? { x: 10 - py, y: px } : { x: px, y: py });
  const rings = [p(2, 2.6), p(2, 7.4)];
  const blades = [
    [p(3.3, 3.5), p(9.5, 7.2)],
    [p(3.3, 6.5), p(9.5, 2.8)],
  ] as const;
  return (
    <Svg style={{ position: 'absolute', left: x, top: y }} width={10} height={10}>
      {rings.map((c, index) => (
        <Circle key={`r${index}`} cx={c.x} cy={c.y} r={1.6} stroke="#000" strokeWidth={0.6} fill="none" />
      ))}
      {blades.map(([a, b], index) => (
        <Line key={`b${index}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#000" strokeWidth={0.6} />
      ))}
    </Svg>
  );
}

/** `qr` is qrCodeModules(data), made once per document: the part is drawn again for each layout pass of the last page. */
export function QrBillPart({ data, qr, language }: { data: SwissQrBillData; qr: QrModules; language: DocumentLanguage }) {
  const t = TEXTS[qrBillLanguage(language)];
  const creditor = [formatIBAN(data.creditor.account), ...addressLines(data.creditor)];
  const debtor = data.debtor ? addressLines(data.debtor) : [];
  const reference = data.reference ? formatReference(data.reference) : null;
  const amount = data.amount !== undefined ? formatAmount(data.amount) : '';
  return (
    <View style={styles.part} wrap={false}>
      {/* Separation lines: along the top of the part and between receipt and payment part. */}
      <Svg style={{ position: 'absolute', left: 0, top: 0 }} width={mm(210)} height={mm(105)}>
        <Line x1={0} y1={0.25} x2={mm(210)} y2={0.25} stroke="#000" strokeWidth={0.5} strokeDasharray="2 1.5" />
        <Line x1={mm(62)} y1={0} x2={mm(62)} y2={mm(105)} stroke="#000" strokeWidth={0.5} strokeDasharray="2 1.5" />
      </Svg>
      <Scissors x={mm(12)} y={-5} rotate={false} />
      <Scissors x={mm(62) - 5} y={mm(12)} rotate />
      <Text style={{ position: 'absolute', left: 0, top: -9, width: mm(210), textAlign: 'center', fontSize: 6 }}>{t.separate}</Text>

      {/* Receipt */}
      <Text style={styles.receiptTitle}>{t.receipt}</Text>
      <View style={{ position: 'absolute', left: mm(5), top: mm(12), width: mm(52), height: mm(56) }}>
        <Field heading={t.account} lines={creditor} headingSize={6} valueSize={8} />
        {reference ? <Field heading={t.reference} lines={[reference]} headingSize={6} valueSize={8} /> : null}
        <Field heading={t.payableBy} lines={debtor} headingSize={6} valueSize={8} />
      </View>
      <View style={{ position: 'absolute', left: mm(5), top: mm(68), flexDirection: 'row' }}>
        <View style={{ width: mm(13) }}>
          <Text style={{ fontSize: 6, fontWeight: 700, lineHeight: 1.3 }}>{t.currency}</Text>
          <Text style={{ fontSize: 8 }}>{data.currency}</Text>
        </View>
        <View>
          <Text style={{ fontSize: 6, fontWeight: 700, lineHeight: 1.3 }}>{t.amount}</Text>
          <Text style={{ fontSize: 8 }}>{amount}</Text>
        </View>
      </View>
      <Text style={{ position: 'absolute', left: mm(5), top: mm(82), width: mm(52), textAlign: 'right', fontSize: 6, fontWeight: 700 }}>{t.acceptancePoint}</Text>

      {/* Payment part */}
      <Text style={styles.paymentTitle}>{t.paymentPart}</Text>
      <Svg style={{ position: 'absolute', left: mm(67), top: mm(17) }} width={mm(46)} height={mm(46)}>
        <Path d={qr.modules} fill="#000" />
        {qr.cross.map((r, index) => (
          <Rect key={index} x={r.x} y={r.y} width={r.width} height={r.height} fill={r.fill === 'white' ? '#fff' : '#000'} />
        ))}
      </Svg>
      <View style={{ position: 'absolute', left: mm(67), top: mm(68), flexDirection: 'row' }}>
        <View style={{ width: mm(16) }}>
          <Text style={{ fontSize: 8, fontWeight: 700, lineHeight: 1.3 }}>{t.currency}</Text>
          <Text style={{ fontSize: 10 }}>{data.currency}</Text>
        </View>
        <View>
          <Text style={{ fontSize: 8, fontWeight: 700, lineHeight: 1.3 }}>{t.amount}</Text>
          <Text style={{ fontSize: 10 }}>{amount}</Text>
        </View>
      </View>
      <View style={{ position: 'absolute', left: mm(118), top: mm(5), width: mm(87), height: mm(85) }}>
        <Field heading={t.account} lines={creditor} headingSize={8} valueSize={10} />
        {reference ? <Field heading={t.reference} lines={[reference]} headingSize={8} valueSize={10} /> : null}
        {data.message ? <Field heading={t.additionalInformation} lines={[data.message]} headingSize={8} valueSize={10} /> : null}
        <Field heading={t.payableBy} lines={debtor} headingSize={8} valueSize={10} />
      </View>
    </View>
  );
}
