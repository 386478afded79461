import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { formatTime } from '@/components/ui/format'
import type { CallCapture } from '@/lib/calls/capture/get-call-capture'
import { HeadersTable } from './headers-table'
import { JsonBody } from './json-body'

/** What the version's capture kept of the call, or why there is nothing to show. */
export function CallCaptureCard({ capture, ownerView }: { capture: CallCapture | null; ownerView: boolean }) {
  return (
    <Card>
      <CardHeader
        title="Headers and bodies"
        description={
          capture
            ? `Captured by the version's settings; secrets redacted. Kept until ${formatTime(capture.expiresAt)}.`
            : undefined
        }
      />
      <CardBody className="space-y-5">
        {capture ? (
          <>
            <div className="grid gap-5 lg:grid-cols-2">
              <HeadersTable title="Request headers" headers={capture.requestHeaders} />
              <HeadersTable title="Response headers" headers={capture.responseHeaders} />
            </div>
            <div className="grid gap-5 lg:grid-cols-2">
              <JsonBody title="Request body" body={capture.requestBody} />
              <JsonBody title="Response body" body={capture.responseBody} />
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-500" data-no-capture>
            No capture for this call. Capture is off by default
            {ownerView
              ? "; turn it on in the API's Settings tab, per version."
              : ", and only the API's owner can turn it on."}{' '}
            It keeps headers (and optionally bodies) of calls from then on, for a limited time.
          </p>
        )}
      </CardBody>
    </Card>
  )
}
