'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { chartMoney } from '@/components/billing/chart-money'
import { microsToDecimal } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'
import { moneyAxis, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'

export type ModelBar = {
  model: string
  costMicros: number
  calls: number
  inputTokens: number
  outputTokens: number
  estimatedCalls: number
}

/** AI cost per exposed model over the window, biggest first. A bar opens the window's calls to that model. */
export function CostByModelChart({
  bars,
  teamSlug,
  currency,
  view,
  from,
  to,
}: {
  bars: ModelBar[]
  teamSlug: string
  currency: string
  view: TeamView
  from: string
  to: string
}) {
  const router = useRouter()
  const height = Math.max(120, bars.length * 36 + 40)
  const open = (model: string) => router.push(callLogHref(teamSlug, { view, model, from, to }))
  const scale = moneyAxis(Math.max(0, ...bars.map((b) => b.costMicros)), currency)
  return (
    <div className="space-y-3">
      <ChartFrame
        label="Cost by AI model; select a bar to list its calls"
        units={`Cost in ${currency}`}
        height={height}
        tableShown
        table={{
          filename: 'cost-by-model.csv',
          rows: bars,
          columns: [
            { label: 'Model', text: (b) => b.model },
            { label: 'Calls', text: (b) => String(b.calls), csv: (b) => b.calls },
            { label: 'Input tokens', text: (b) => String(b.inputTokens), csv: (b) => b.inputTokens },
            { label: 'Output tokens', text: (b) => String(b.outputTokens), csv: (b) => b.outputTokens },
            { label: `Cost (${currency})`, text: (b) => microsToDecimal(Math.round(b.costMicros)) },
          ],
        }}
      >
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
          <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" {...valueAxisProps(scale)} />
            <YAxis type="category" dataKey="model" width={140} tick={{ fontSize: 12, fill: '#334155' }} />
            <Tooltip formatter={(v) => chartMoney(v, currency)} cursor={{ fill: '#f1f5f9' }} />
            <Bar
              dataKey="costMicros"
              name="Cost"
              fill="#8b5cf6"
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const bar = item.payload as ModelBar | undefined
                if (bar) open(bar.model)
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      {/* The same numbers as text: readable without the chart, and each row drills down too. */}
      <table className="w-full text-xs" aria-label="Cost by AI model">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">Model</th>
            <th className="py-1 text-right font-medium">Calls</th>
            <th className="py-1 text-right font-medium">Tokens in / out</th>
            <th className="py-1 text-right font-medium">Cost</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.model} className="border-t border-slate-100" data-model-row={bar.model}>
              <td className="py-1">
                <a
                  href={callLogHref(teamSlug, { view, model: bar.model, from, to })}
                  className="font-mono text-brand-700 hover:underline"
                >
                  {bar.model}
                </a>
                {bar.estimatedCalls > 0 ? (
                  <span className="ml-1 text-amber-700">({bar.estimatedCalls} estimated)</span>
                ) : null}
              </td>
              <td className="py-1 text-right tabular-nums">{bar.calls.toLocaleString('en-US')}</td>
              <td className="py-1 text-right tabular-nums">
                {bar.inputTokens.toLocaleString('en-US')} / {bar.outputTokens.toLocaleString('en-US')}
              </td>
              <td className="py-1 text-right tabular-nums" data-model-cost>
                {chartMoney(bar.costMicros, currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
