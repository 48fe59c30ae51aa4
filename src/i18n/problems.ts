/**
 * Messages for people about cells the reader could not accept, in English and Chinese.
 *
 * A coercer (parseDay, parseMoney, parseYesNo …) that rejects a cell returns a
 * {@link CellError}: a problem code and its parameters, never text. The reader turns it
 * into a Problem with {@link problemMessage} in the user's language. Templates use
 * `{name}` placeholders; `{header}` is always the column header as the user wrote it.
 */

export type Language = 'en' | 'zh';

/** What a coercer gives back for a cell it cannot accept. */
export interface CellError {
  readonly problem: ProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** True for a CellError (coercers return a number, string, boolean, null or a CellError). */
export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).problem === 'string';
}

export function cellError(problem: ProblemCode, params?: Record<string, string | number>): CellError {
  return params ? { problem, params } : { problem };
}

const T = {
  // ---- any cell
  'cell.sheetError': {
    en: '“{header}” shows the spreadsheet error {value}. Fix the formula or type the value in.',
    zh: '“{header}”显示表格错误 {value}。请修正公式，或直接填写数值。',
  },
  'text.boolean': {
    en: '“{header}” holds TRUE/FALSE where text is expected. Type the text in.',
    zh: '“{header}”应为文字，却是 TRUE/FALSE。请填写文字。',
  },
  'text.date': {
    en: '“{header}” holds a date where text is expected. Format the cell as plain text and type the value in.',
    zh: '“{header}”应为文字，却是日期。请把单元格设为纯文本后重新填写。',
  },
  'text.tooLong': {
    en: '“{header}” is longer than {max} characters. Shorten it.',
    zh: '“{header}”超过 {max} 个字符，请缩短。',
  },
  'required.blank': {
    en: '“{header}” is blank. Fill it in.',
    zh: '“{header}”为空，请填写。',
  },
  'row.repeatedHeader': {
    en: 'This row repeats the header row, so it is not read as data and nothing is written in it. Delete it if it is not needed.',
    zh: '此行重复了标题行，不作为数据读取，也不会写入任何内容。如不需要，请删除。',
  },
  'row.skipped': {
    en: 'This row is skipped until it is fixed.',
    zh: '修正之前，此行不予读取。',
  },
  // ---- dates
  'date.unreadable': {
    en: '“{header}” is not a date Credit Desk can read. Write it as YYYY-MM-DD, for example 2026-03-01.',
    zh: '“{header}”不是可识别的日期。请写成 YYYY-MM-DD，例如 2026-03-01。',
  },
  'date.impossible': {
    en: '“{header}” is not a real calendar date. Check the day and the month, for example 2026-02-28.',
    zh: '“{header}”不是真实存在的日期。请核对年月日，例如 2026-02-28。',
  },
  'date.ambiguous': {
    en: '“{header}” could be day/month or month/day. Write it as YYYY-MM-DD, for example 2026-03-01.',
    zh: '“{header}”无法判断是“日/月”还是“月/日”。请写成 YYYY-MM-DD，例如 2026-03-01。',
  },
  'date.outOfRange': {
    en: '“{header}” is outside the years 1900 to 2199. Check the year; a plain number in a date column is read as a spreadsheet serial date.',
    zh: '“{header}”不在 1900 至 2199 年之间。请核对年份；日期列中的纯数字会被当作表格日期序号。',
  },
  'date.weekdayMismatch': {
    en: '“{header}” gives a weekday that is not its date’s: {date} is a {weekdayEn} ({weekdayZh}). Check the date for a typo and write it as YYYY-MM-DD, for example 2026-03-01.',
    zh: '“{header}”中的星期与日期不符：{date} 是{weekdayZh}（{weekdayEn}）。请核对日期是否有误，并写成 YYYY-MM-DD，例如 2026-03-01。',
  },
  'date.boolean': {
    en: '“{header}” holds TRUE/FALSE, not a date. Write the date as YYYY-MM-DD.',
    zh: '“{header}”是 TRUE/FALSE，不是日期。请写成 YYYY-MM-DD。',
  },
  'date.invalidObject': {
    en: '“{header}” holds a date the spreadsheet cannot show. Retype it as YYYY-MM-DD.',
    zh: '“{header}”中的日期无效。请重新填写为 YYYY-MM-DD。',
  },
  // ---- money
  'money.unreadable': {
    en: '“{header}” is not an amount Credit Desk can read. Write a number such as 1234.50; a currency sign or code is allowed.',
    zh: '“{header}”不是可识别的金额。请填写数字，例如 1234.50；可带币种符号或代码。',
  },
  'money.pointOrThousands': {
    en: '“{header}” ({value}) has three digits after the point: it could be one thousand (. between thousands) or a decimal. Write 1000 for one thousand, or 1.00 for one.',
    zh: '“{header}”（{value}）小数点后有三位：可能是千位分隔（1.000 = 一千），也可能是小数。一千请写 1000，一请写 1.00。',
  },
  'money.decimalComma': {
    en: '“{header}” has a comma that is not a thousands separator. Use . for decimals and , only between groups of digits, for example 1,234.50.',
    zh: '“{header}”中的逗号不是千位分隔符。小数点请用“.”，逗号只用于分隔数位，例如 1,234.50。',
  },
  'money.tooLarge': {
    en: '“{header}” is too large to be an amount. Check the number.',
    zh: '“{header}”数值过大，不像金额。请核对。',
  },
  'money.boolean': {
    en: '“{header}” holds TRUE/FALSE, not an amount. Write a number such as 1234.50.',
    zh: '“{header}”是 TRUE/FALSE，不是金额。请填写数字，例如 1234.50。',
  },
  'money.date': {
    en: '“{header}” holds a date, not an amount. Write a number such as 1234.50 and format the cell as a number.',
    zh: '“{header}”是日期，不是金额。请填写数字（例如 1234.50），并把单元格设为数字格式。',
  },
  'money.currencyMismatch': {
    en: '“{header}” is written in {written} but the row’s currency is {currency}. Put the amount in the Currency column’s currency, or change the Currency.',
    zh: '“{header}”写的是 {written}，但此行币种是 {currency}。请按币种列填写金额，或修改币种。',
  },
  'money.negativeLimit': {
    en: '“{header}” cannot be negative. Write 0 for cash only, or leave it blank for no limit; until then the credit limit counts as 0 (cash only).',
    zh: '“{header}”不能为负数。仅限现金交易请填 0，不设额度请留空；修正前信用额度按 0 计算（仅限现金交易）。',
  },
  'money.notPositive': {
    en: '“{header}” must be more than 0. Record refunds and credit notes as negative amounts in the Invoices sheet.',
    zh: '“{header}”必须大于 0。退款或红字发票请在发票表中以负数记录。',
  },
  // ---- currency and FX
  'currency.ambiguous': {
    en: '“{header}” ({value}) can stand for several currencies ({candidates}), and neither the customer’s currency nor the base currency is one of them. Write the 3-letter code, such as USD or HKD.',
    zh: '“{header}”（{value}）可代表多种币种（{candidates}），而客户币种和本位币都不在其中。请填写三位币种代码，例如 USD、HKD。',
  },
  'currency.unknown': {
    en: '“{header}” is not a currency code Credit Desk knows. Use a 3-letter ISO code such as CNY, USD or EUR.',
    zh: '“{header}”不是可识别的币种。请使用三位 ISO 代码，例如 CNY、USD、EUR。',
  },
  'fx.missing': {
    en: 'There is no exchange rate for {currency} in Settings. Add a Settings row “FX {currency}” with how many {base} one {currency} is worth.',
    zh: '设置中没有 {currency} 的汇率。请在设置表中添加一行“汇率 {currency}”，填写 1 {currency} 折合多少 {base}。',
  },
  'fx.missingLimit': {
    en: 'There is no exchange rate for {currency} in Settings, so this credit limit cannot be converted and is not enforced. Add a Settings row “FX {currency}” with how many {base} one {currency} is worth.',
    zh: '设置中没有 {currency} 的汇率，此信用额度无法折算，暂不执行。请在设置表中添加一行“汇率 {currency}”，填写 1 {currency} 折合多少 {base}。',
  },
  'currency.headerConflict': {
    en: '“{header}” is {value}, but the column “{column}” says its amounts are in {written}. Leave “{header}” blank, or keep {value} amounts in a column without {written} in its header.',
    zh: '“{header}”为 {value}，但“{column}”列标明金额为 {written}。请清空“{header}”，或把 {value} 金额填在标题不含 {written} 的列中。',
  },
  // ---- numbers
  'number.unreadable': {
    en: '“{header}” is not a number. Write a number such as {example}.',
    zh: '“{header}”不是数字。请填写数字，例如 {example}。',
  },
  'terms.monthEnd': {
    en: '“{header}” is month-end terms (月结: the end of the month, then the days), which Credit Desk does not read. Enter each invoice’s Due Date, or write the terms as plain days such as 30; until then the default terms in Settings are used.',
    zh: '“{header}”是月结账期（月底起算），Credit Desk 不支持。请在发票表中填写到期日，或把账期写成天数（例如 30）；修正前按设置中的默认账期计算。',
  },
  'number.whole': {
    en: '“{header}” must be a whole number.',
    zh: '“{header}”必须是整数。',
  },
  'number.range': {
    en: '“{header}” must be between {min} and {max}.',
    zh: '“{header}”必须在 {min} 到 {max} 之间。',
  },
  // ---- yes/no, words
  'yesno.unreadable': {
    en: '“{header}” should be yes or no. Write Y or N (是 or 否), or leave it blank for no.',
    zh: '“{header}”应填“是”或“否”（Y 或 N），留空表示否。',
  },
  'flag.assumedHold': {
    en: 'Until it is fixed the customer counts as On Hold.',
    zh: '修正之前，该客户按“冻结”处理。',
  },
  'flag.assumedNoReminders': {
    en: 'Until it is fixed no reminder is sent for this invoice.',
    zh: '修正之前，此发票不发送催收提醒。',
  },
  'limit.assumedZero': {
    en: 'Until it is fixed the credit limit counts as 0 (cash only). For no limit, leave the cell empty.',
    zh: '修正之前，信用额度按 0 计算（仅限现金交易）。不设额度请留空。',
  },
  'limit.dash': {
    en: '“{header}” holds a dash, which accounts often use for zero, so the credit limit counts as 0 (cash only). Write 0 for cash only, or leave the cell empty for no limit.',
    zh: '“{header}”填的是横线，账上常用它表示零，因此信用额度按 0 计算（仅限现金交易）。仅限现金交易请填 0，不设额度请留空。',
  },
  'status.invoice': {
    en: '“{header}” is not an invoice status Credit Desk knows. Use Open, Paid, Void or Disputed (未结, 已付, 作废, 争议); the invoice is treated as Open until then.',
    zh: '“{header}”不是可识别的发票状态。请填写 未结、已付、作废 或 争议（Open、Paid、Void、Disputed）；修正前按“未结”处理。',
  },
  'status.invoiceReversal': {
    en: '“{header}” says 红冲 (reversed), which Credit Desk does not read as a status: the reversal may already be a negative row. Mark the invoice Void (作废) if it is cancelled, or enter the reversal as a credit note (a negative Amount row) and give this invoice its own status; the invoice is treated as Open until then.',
    zh: '“{header}”为“红冲”，不作为发票状态读取：红冲可能已以负数行录入。如发票已作废，请将状态改为“作废”；否则请以红字发票（金额为负数的一行）录入冲销，并填写此发票自身的状态；修正前按“开放”处理。',
  },
  'status.order': {
    en: '“{header}” is not an order status Credit Desk knows. Use Pending, Approved, Blocked, Invoiced or Cancelled (待审, 已批准, 已冻结, 已开票, 已取消); the order is treated as Pending until then.',
    zh: '“{header}”不是可识别的订单状态。请填写 待审、已批准、已冻结、已开票 或 已取消；修正前按“待审”处理。',
  },
  'language.unknown': {
    en: '“{header}” should be English or 中文 (en or zh). The default language is used until then.',
    zh: '“{header}”应为 English 或 中文（en 或 zh）。修正前使用默认语言。',
  },
  // ---- emails
  'email.invalid': {
    en: '“{header}” has an address email cannot be sent to: {value}. Correct it (an address is written in plain Latin letters, digits and . _ - +, like name@example.com); the other addresses in the cell are used.',
    zh: '“{header}”中有无法发送邮件的地址：{value}。请更正（地址只能用英文字母、数字和 . _ - + 书写，例如 name@example.com）；单元格中其他地址照常使用。',
  },
  'email.oneOnly': {
    en: '“{header}” should hold one address; only the first, {first}, is used.',
    zh: '“{header}”只应填写一个邮箱；仅使用第一个：{first}。',
  },
  // ---- rows and references
  'customer.duplicate': {
    en: 'Customer ID {value} already appears in row {firstRow}. Keep one row per customer; this row is ignored.',
    zh: '客户编号 {value} 已在第 {firstRow} 行出现。每位客户只保留一行；此行被忽略。',
  },
  'invoice.duplicate': {
    en: 'Invoice No {value} already appears in row {firstRow}. Keep one row per invoice; this row is ignored.',
    zh: '发票号 {value} 已在第 {firstRow} 行出现。每张发票只保留一行；此行被忽略。',
  },
  'order.duplicate': {
    en: 'Order No {value} already appears in row {firstRow}. Keep one row per order; this row is ignored.',
    zh: '订单号 {value} 已在第 {firstRow} 行出现。每个订单只保留一行；此行被忽略。',
  },
  'customer.unknown': {
    en: 'Customer ID {value} is not in the Customers sheet. Add the customer there or correct the ID.',
    zh: '客户编号 {value} 不在客户表中。请在客户表中添加该客户，或更正编号。',
  },
  'customer.rejected': {
    en: 'Customer ID {value} is in the Customers sheet, but its row there could not be read. Fix that row first.',
    zh: '客户编号 {value} 在客户表中，但该行无法读取。请先修正客户表中的那一行。',
  },
  'money.negative': {
    en: '“{header}” cannot be negative.',
    zh: '“{header}”不能为负数。',
  },
  'invoice.farFuture': {
    en: '“{header}” is {value}, more than a year after today ({today}). Is the year right? The invoice is read as written, so it counts in no balance, aging or credit check before that day.',
    zh: '“{header}”为 {value}，比今天（{today}）晚一年以上。年份是否写错？此发票按所填日期读取，在该日之前不计入余额、账龄和信用检查。',
  },
  'invoice.dueFarFuture': {
    en: '“{header}” is {value}, more than five years after today ({today}). Is the year right? The due date is used as written, so the invoice is not past due before that day.',
    zh: '“{header}”为 {value}，比今天（{today}）晚五年以上。年份是否写错？目前按所填到期日计算，在该日之前此发票不算逾期。',
  },
  'invoice.paidFarFuture': {
    en: '“{header}” is {value}, more than a year after today ({today}). Is the year right? The date is used as written, so the invoice stays open before that day.',
    zh: '“{header}”为 {value}，比今天（{today}）晚一年以上。年份是否写错？目前按所填日期计算，在该日之前此发票仍算未付。',
  },
  'payment.farFuture': {
    en: '“{header}” is {value}, more than a year after today ({today}). Is the year right? The payment is read as written, so it pays nothing before that day.',
    zh: '“{header}”为 {value}，比今天（{today}）晚一年以上。年份是否写错？此收款按所填日期读取，在该日之前不冲抵任何发票。',
  },
  'order.farFuture': {
    en: '“{header}” is {value}, more than a year after today ({today}). Is the year right? The order is read as written, so it counts in no exposure before that day.',
    zh: '“{header}”为 {value}，比今天（{today}）晚一年以上。年份是否写错？此订单按所填日期读取，在该日之前不计入敞口。',
  },
  'invoice.paidNegative': {
    en: '“{header}” cannot be negative: write what the customer paid as a positive amount, and record refunds and credit notes as negative Amounts.',
    zh: '“{header}”不能为负数：请按正数填写客户已付的金额；退款或红字发票请以负数金额记录。',
  },
  'invoice.paidNotApplied': {
    en: 'Until it is fixed the invoice counts as unpaid: its Amount Paid and Paid Date are not used.',
    zh: '修正之前，此发票按未付款计算，不采用其已付金额和付款日期。',
  },
  'invoice.overpaid': {
    en: '“{header}” {paid} is more than the Amount {amount}; the extra {extra} is counted as the customer’s unapplied credit and lowers what the customer owes on other invoices. Check the figure.',
    zh: '“{header}” {paid} 大于金额 {amount}；多出的 {extra} 计为该客户的未核销款项，并冲减其他发票的欠款。请核对金额。',
  },
  'invoice.dueBeforeInvoice': {
    en: 'The due date {due} is before the invoice date {invoiceDate}. Check both dates; the due date is used as written.',
    zh: '到期日 {due} 早于开票日期 {invoiceDate}。请核对；目前按所填到期日计算。',
  },
  // ---- the ledger: payments naming invoices ({value}: the invoice number)
  'payment.invoiceUnknown': {
    en: 'This payment names invoice {value}, which is not in the Invoices sheet. It was applied to the customer’s oldest open invoices instead; correct the invoice number if it should pay a particular invoice.',
    zh: '此收款指明的发票 {value} 不在发票表中，已改为冲抵该客户最早的未付发票；如需冲抵某张发票，请更正发票号。',
  },
  'payment.invoiceOtherCustomer': {
    en: 'This payment names invoice {value}, which belongs to customer {owner}, not {customer}. It was applied to the customer’s oldest open invoices instead; correct the invoice number if it should pay a particular invoice.',
    zh: '此收款指明的发票 {value} 属于客户 {owner}，而非 {customer}，已改为冲抵该客户最早的未付发票；如需冲抵某张发票，请更正发票号。',
  },
  'payment.invoiceVoid': {
    en: 'This payment names invoice {value}, which is void. It was applied to the customer’s oldest open invoices instead; correct the invoice number if it should pay a particular invoice.',
    zh: '此收款指明的发票 {value} 已作废，已改为冲抵该客户最早的未付发票；如需冲抵某张发票，请更正发票号。',
  },
  'payment.invoiceCreditNote': {
    en: 'This payment names {value}, which is a credit note. It was applied to the customer’s oldest open invoices instead; correct the invoice number if it should pay a particular invoice.',
    zh: '此收款指明的 {value} 是红字发票（贷项），已改为冲抵该客户最早的未付发票；如需冲抵某张发票，请更正发票号。',
  },
  'payment.sameCashAsRow': {
    en: 'This payment names invoice {value}, which its own row in the Invoices sheet already records as paid{on}. Credit Desk takes the two as the same cash recorded twice and counts it once: the part of this payment that the invoice row already counts is not counted again, and only the rest, if any, is applied to the customer’s oldest open invoices. Record each payment in one place: delete this row, or clear Amount Paid, Paid Date and Status Paid on the invoice row.',
    zh: '此收款指明发票 {value}，而发票表中该发票本行已记为已付{on}。信用管理视为同一笔款项记了两次，只计一次：发票行已计的部分不再重复计入，其余部分（如有）冲抵该客户最早的未付发票。每笔收款请只记一处：删除此行，或清除该发票行的已付金额、付款日期和“已付”状态。',
  },
  'payment.sameCashAsUndatedRow': {
    en: 'This payment names invoice {value}, which its own row in the Invoices sheet marks as paid, with no Paid Date. Credit Desk takes the two as the same cash recorded twice and counts it once, on this payment’s date (the row says the invoice is paid; this payment says when). Record each payment in one place: clear Status Paid on the invoice row, or write this date in its Paid Date.',
    zh: '此收款指明发票 {value}，而发票表中该发票本行标记为已付，但没有付款日期。信用管理视为同一笔款项记了两次，只计一次，并按此收款的日期计（发票行说明已付，此收款说明何时付）。每笔收款请只记一处：清除发票行的“已付”状态，或把此日期填入其付款日期。',
  },
  'amountPaid.sameCashAsPayments': {
    en: 'Amount Paid on invoice {value} is more than was left to pay after the Payments rows that name it. Credit Desk takes the difference as the same cash recorded twice and counts it once; only what is beyond both records is applied to the customer’s oldest open invoices. Record each payment in one place: the Payments sheet or this column.',
    zh: '发票 {value} 的已付金额超过了收款表中指明该发票的收款之后尚欠的金额。信用管理将差额视为同一笔款项记了两次，只计一次；两处记录都超出的部分才冲抵该客户最早的未付发票。每笔收款请只记一处：收款表或此列。',
  },
  // ---- sheets and headers
  'sheet.missing': {
    en: 'There is no {table} sheet. Add a sheet named “{name}”, or run “Set up credit file”.',
    zh: '没有{table}表。请添加名为“{name}”的工作表，或运行“建立信用档案”。',
  },
  'sheet.noHeader': {
    en: 'The {table} sheet has no header row. Put the column headers in its first row.',
    zh: '{table}表没有标题行。请在第一行填写列标题。',
  },
  'sheet.duplicate': {
    en: 'Sheets “{first}” and “{value}” both look like the {table} sheet; only “{first}” is read. Rename one of them.',
    zh: '工作表“{first}”和“{value}”都像是{table}表，只读取“{first}”。请重命名其中一个。',
  },
  'sheet.unreadable': {
    en: 'The {table} sheet could not be read. Check that it holds a table of values.',
    zh: '{table}表无法读取。请检查其内容是否为数据表格。',
  },
  'column.missing': {
    en: 'The {table} sheet has no “{column}” column. Add it to the header row ({columnZh} is fine too); no row can be read until then.',
    zh: '{table}表缺少“{columnZh}”列。请在标题行添加（也可写作 {column}）；添加之前无法读取任何行。',
  },
  'column.unitIgnored': {
    en: 'The unit {unit} in “{header}” is not applied: only amounts (Credit Limit, Amount, Amount Paid) are read in 万, thousands or millions. The column is read as written.',
    zh: '“{header}”中的单位 {unit} 不予换算：只有金额列（信用额度、金额、已付金额）按万、千、百万换算。此列按原值读取。',
  },
  'column.noHeader': {
    en: 'Column {value} has values (from row {row}) but no header, so it is not read. Give it a header if its values matter.',
    zh: '第 {value} 列有数据（从第 {row} 行起）但没有标题，因此不予读取。如这些数据有用，请为其填写标题。',
  },
  'column.duplicate': {
    en: 'Column {value} repeats “{header}”, which column {first} already has; only column {first} is read.',
    zh: '第 {value} 列与第 {first} 列的标题“{header}”重复；只读取第 {first} 列。',
  },
  'timezone.unknown': {
    en: 'The time zone {value} is not known; dates are read in UTC. Set the spreadsheet’s time zone in File > Settings.',
    zh: '无法识别时区 {value}，日期按 UTC 读取。请在“文件 > 设置”中设置表格时区。',
  },
  'internal.error': {
    en: 'Credit Desk met an unexpected problem reading this sheet ({value}). The rest of the file is read; please report this.',
    zh: '读取此表时发生意外错误（{value}）。文件其余部分照常读取；请反馈此问题。',
  },
  // ---- settings
  'setting.invalid': {
    en: '“{header}” cannot be {value}: it should be {expected}. The default, {default}, is used until then.',
    zh: '“{header}”不能是 {value}：应为{expected}。修正前使用默认值 {default}。',
  },
  'setting.duplicate': {
    en: '“{header}” is already set in row {firstRow}; only that row is used. Delete one of them.',
    zh: '“{header}”已在第 {firstRow} 行设置，只使用那一行。请删除其中一行。',
  },
  'setting.rate': {
    en: 'The exchange rate “{header}” should be a number above 0 (how many {base} one {currency} is worth), with . for decimals: 0.047, not 0,047. {currency} amounts cannot be converted until then.',
    zh: '汇率“{header}”应为大于 0 的数字（1 {currency} 折合多少 {base}），小数点用“.”：写 0.047，不写 0,047。修正前无法折算 {currency} 金额。',
  },
  'setting.cutoffOrder': {
    en: 'The grade cut-offs should fall: Grade A Min above Grade B Min above Grade C Min. The defaults 80, 60, 40 are used until then.',
    zh: '评级分数线应依次降低：A 级最低分 > B 级最低分 > C 级最低分。修正前使用默认值 80、60、40。',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ProblemCode = keyof typeof T;

/** Every template, for tests and for translators. */
export const PROBLEM_TEMPLATES: Readonly<Record<ProblemCode, { readonly en: string; readonly zh: string }>> = T;

/** The sentence for a problem code in a language, with its `{name}` placeholders filled. */
export function problemMessage(
  code: ProblemCode,
  language: Language,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry = T[code] ?? T['internal.error'];
  const template = language === 'zh' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
