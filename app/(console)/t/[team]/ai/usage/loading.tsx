import { PageSkeleton } from '@/components/ui/spinner'

export default function Loading() {
  return <PageSkeleton />
}
