import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TitleDetails } from "@/components/library/title-details";
import { api } from "@/lib/trpc/server";
import { AppError } from "@/server/errors";

type Props = { params: Promise<{ id: string }> };

// Metadata and the page ask for the same title; one database read serves both.
const loadItem = cache(async (id: string) => {
  try {
    return await api.library.item({ id });
  } catch (error) {
    if (error instanceof AppError && error.appCode === "NOT_FOUND") notFound();
    if (error instanceof Error && "code" in error && error.code === "BAD_REQUEST") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await loadItem(id)).title };
}

export default async function TitlePage({ params }: Props) {
  const { id } = await params;
  return <TitleDetails item={await loadItem(id)} />;
}
