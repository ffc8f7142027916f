// Finance tools: loans, interest, NPV/IRR, ROI, break-even, VAT, discounts and currency formatting.
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, number, numberList, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const money = (description: string) => number(description, { minimum: -1e13, maximum: 1e13 });
const rate = (description: string) => number(description, { minimum: -100, maximum: 1_000 });
const cents = (value: number): number => Math.round(value * 100) / 100;

function monthlyPayment(principal: number, annualRatePercent: number, months: number): number {
  const r = annualRatePercent / 100 / 12;
  return r === 0 ? principal / months : (principal * r) / (1 - (1 + r) ** -months);
}

function npv(ratePercent: number, cashFlows: number[]): number {
  return cashFlows.reduce((sum, flow, t) => sum + flow / (1 + ratePercent / 100) ** t, 0);
}

export function createFinanceTools(): ToolSpec[] {
  const category = 'finance';
  const loan = {
    principal: money('The amount borrowed.'),
    annual_rate: rate('The yearly interest rate in percent, e.g. 5.5.'),
    months: integer('The term in months (e.g. 360 for 30 years).', 1, 1_200),
  };
  return [
    defineTool<{ principal: number; annual_rate: number; months: number }>({
      name: 'loan_payment',
      description: 'Monthly payment, total paid and total interest of an amortizing loan or mortgage.',
      category,
      tags: ['loan', 'mortgage', 'monthly payment', 'interest', 'amortization', 'borrow', 'emi'],
      parameters: loan,
      handler: (args) => {
        const payment = monthlyPayment(args.principal, args.annual_rate, args.months);
        return {
          monthly_payment: cents(payment),
          total_paid: cents(payment * args.months),
          total_interest: cents(payment * args.months - args.principal),
        };
      },
    }),
    defineTool<{ principal: number; annual_rate: number; months: number; limit: number }>({
      name: 'amortization_schedule',
      description: 'Month-by-month amortization schedule of a loan: payment, interest, principal and balance.',
      category,
      tags: ['loan', 'amortization', 'schedule', 'mortgage', 'balance', 'repayment'],
      parameters: { ...loan, limit: withDefault(integer('How many months to list.', 1, 1_200), 12) },
      handler: (args) => {
        const payment = monthlyPayment(args.principal, args.annual_rate, args.months);
        let balance = args.principal;
        return Array.from({ length: Math.min(args.limit, args.months) }, (_, i) => {
          const interest = (balance * args.annual_rate) / 100 / 12;
          balance -= payment - interest;
          return {
            month: i + 1,
            payment: cents(payment),
            interest: cents(interest),
            principal: cents(payment - interest),
            balance: cents(Math.max(0, balance)),
          };
        });
      },
    }),
    defineTool<{
      principal: number;
      annual_rate: number;
      years: number;
      compounds_per_year: number;
      monthly_contribution: number;
    }>({
      name: 'compound_interest',
      description:
        'Future value of savings or an investment with compound interest and optional monthly contributions.',
      category,
      tags: ['compound interest', 'future value', 'savings', 'investment', 'growth', 'interest'],
      parameters: {
        principal: money('The starting amount.'),
        annual_rate: rate('Yearly interest rate in percent.'),
        years: number('How many years.', { minimum: 0, maximum: 200 }),
        compounds_per_year: withDefault(integer('Compounding periods per year (12 = monthly).', 1, 365), 12),
        monthly_contribution: withDefault(money('Amount added every month.'), 0),
      },
      handler: (args) => {
        const periodRate = args.annual_rate / 100 / args.compounds_per_year;
        const periods = Math.round(args.years * args.compounds_per_year);
        let balance = args.principal;
        const perPeriodContribution = (args.monthly_contribution * 12) / args.compounds_per_year;
        for (let i = 0; i < periods; i++) balance = balance * (1 + periodRate) + perPeriodContribution;
        const contributed = args.principal + perPeriodContribution * periods;
        return {
          future_value: cents(balance),
          total_contributed: cents(contributed),
          interest_earned: cents(balance - contributed),
        };
      },
    }),
    defineTool<{ principal: number; annual_rate: number; years: number }>({
      name: 'simple_interest',
      description: 'Simple (non-compounding) interest on a principal over a number of years.',
      category,
      tags: ['simple interest', 'interest', 'principal', 'rate'],
      parameters: {
        principal: money('The principal.'),
        annual_rate: rate('Yearly rate in percent.'),
        years: number('Years.', { minimum: 0, maximum: 200 }),
      },
      handler: (args) => {
        const interest = (args.principal * args.annual_rate * args.years) / 100;
        return { interest: cents(interest), total: cents(args.principal + interest) };
      },
    }),
    defineTool<{ rate: number; cash_flows: number[] }>({
      name: 'net_present_value',
      description: 'Net present value (NPV) of a series of cash flows at a discount rate (first flow at time 0).',
      category,
      tags: ['npv', 'net present value', 'discount rate', 'cash flow', 'investment', 'dcf'],
      parameters: {
        rate: rate('The discount rate per period in percent.'),
        cash_flows: numberList('Cash flows per period, starting now (negative = outflow).', 1_000),
      },
      handler: (args) => cents(npv(args.rate, args.cash_flows)),
    }),
    defineTool<{ cash_flows: number[] }>({
      name: 'internal_rate_of_return',
      description: 'Internal rate of return (IRR) of a series of cash flows, in percent per period.',
      category,
      tags: ['irr', 'internal rate of return', 'cash flow', 'investment', 'yield'],
      parameters: {
        cash_flows: numberList('Cash flows per period, starting with the (negative) investment.', 1_000, 2),
      },
      handler: (args) => {
        if (!args.cash_flows.some((f) => f < 0) || !args.cash_flows.some((f) => f > 0)) {
          throw new ToolInputError('cash_flows needs at least one negative and one positive value');
        }
        // Bisection on NPV(rate) = 0 between -99.99% and 10 000%: robust where Newton's method diverges.
        let low = -99.99;
        let high = 10_000;
        if (Math.sign(npv(low, args.cash_flows)) === Math.sign(npv(high, args.cash_flows)))
          throw new ToolInputError('no IRR in range');
        for (let i = 0; i < 200; i++) {
          const mid = (low + high) / 2;
          if (Math.sign(npv(mid, args.cash_flows)) === Math.sign(npv(low, args.cash_flows))) low = mid;
          else high = mid;
        }
        return Math.round(((low + high) / 2) * 1e4) / 1e4;
      },
    }),
    defineTool<{ cost: number; gain: number }>({
      name: 'return_on_investment',
      description: 'Return on investment (ROI) in percent from the cost and the final value.',
      category,
      tags: ['roi', 'return on investment', 'profit', 'gain', 'percent return'],
      parameters: { cost: money('What was invested.'), gain: money('What the investment returned in total.') },
      handler: (args) => {
        if (args.cost === 0) throw new ToolInputError('cost must not be 0');
        return {
          roi_percent: Math.round(((args.gain - args.cost) / args.cost) * 1e6) / 1e4,
          profit: cents(args.gain - args.cost),
        };
      },
    }),
    defineTool<{ fixed_costs: number; price: number; variable_cost: number }>({
      name: 'break_even_point',
      description: 'Break-even point: how many units must be sold to cover fixed costs.',
      category,
      tags: ['break even', 'units', 'fixed costs', 'margin', 'profitability', 'pricing'],
      parameters: {
        fixed_costs: money('Total fixed costs.'),
        price: money('Selling price per unit.'),
        variable_cost: money('Variable cost per unit.'),
      },
      handler: (args) => {
        const margin = args.price - args.variable_cost;
        if (margin <= 0) throw new ToolInputError('price must be greater than variable_cost');
        const units = Math.ceil(args.fixed_costs / margin);
        return { units, revenue: cents(units * args.price), contribution_margin: cents(margin) };
      },
    }),
    defineTool<{ amount: number; rate: number; included: boolean }>({
      name: 'vat_calculate',
      description: 'Add VAT / sales tax to a net amount, or split a gross amount into net and tax.',
      category,
      tags: ['vat', 'sales tax', 'tax', 'gross', 'net', 'gst'],
      parameters: {
        amount: money('The amount.'),
        rate: rate('The tax rate in percent, e.g. 20.'),
        included: withDefault(
          { type: 'boolean', description: 'True when the amount already includes the tax (gross).' },
          false,
        ),
      },
      handler: (args) => {
        const net = args.included ? args.amount / (1 + args.rate / 100) : args.amount;
        return { net: cents(net), tax: cents((net * args.rate) / 100), gross: cents(net * (1 + args.rate / 100)) };
      },
    }),
    defineTool<{ price: number; discount_percent: number }>({
      name: 'discount_price',
      description: 'Price after a percentage discount, and how much is saved.',
      category,
      tags: ['discount', 'sale', 'percent off', 'price', 'savings', 'coupon'],
      parameters: {
        price: money('The original price.'),
        discount_percent: number('The discount in percent.', { minimum: 0, maximum: 100 }),
      },
      handler: (args) => ({
        final_price: cents(args.price * (1 - args.discount_percent / 100)),
        saved: cents((args.price * args.discount_percent) / 100),
      }),
    }),
    defineTool<{ amount: number; currency: string; locale: string }>({
      name: 'format_currency',
      description: 'Format an amount of money in a currency and locale, e.g. 1234.5 USD → $1,234.50.',
      category,
      tags: ['currency', 'money', 'format', 'price', 'locale', 'dollars', 'euros'],
      parameters: {
        amount: money('The amount.'),
        currency: withDefault(nonEmptyText('ISO 4217 currency code, e.g. USD, EUR, JPY.', 3), 'USD'),
        locale: withDefault(nonEmptyText('BCP 47 locale, e.g. en-US, de-DE.', 20), 'en-US'),
      },
      handler: (args) => {
        try {
          return new Intl.NumberFormat(args.locale, {
            style: 'currency',
            currency: args.currency.toUpperCase(),
          }).format(args.amount);
        } catch (error) {
          throw new ToolInputError(`cannot format ${args.currency} for ${args.locale}: ${(error as Error).message}`);
        }
      },
    }),
  ];
}
