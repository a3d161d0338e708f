"""Every word the site shows that does not come from the catalogue, in Bahasa Indonesia, in one place.

Templates read them as ``t.key`` (``{{ t.chat_seller }}``); texts with blanks
use ``str.format`` names (``t.page_of.format(number=2, count=5)``). A missing
key fails the build (the Jinja environment is strict), so a typo never ships.
"""

from __future__ import annotations


class Strings(dict):
    """A dict whose keys can also be read as attributes, the way templates use it."""

    def __getattr__(self, name: str) -> str:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


T = Strings(
    # Site frame
    site_name="Etalase Business Matching",
    site_tagline="Katalog produk dalam negeri dari Business Matching Dinas PPKUKM DKI Jakarta",
    skip_link="Langsung ke isi",
    nav_label="Menu utama",
    nav_home="Beranda",
    nav_products="Produk",
    nav_batches="Batch",
    nav_categories="Kategori",
    nav_about="Tentang",
    nav_how="Cara ikut",
    nav_contact="Kontak",
    nav_cities="Kota",
    nav_certified="Sertifikasi",
    search_label="Cari produk atau penjual",
    search_placeholder="Cari kopi, batik, sabun…",
    search_button="Cari",
    sample_banner="Data contoh: nama usaha, orang dan nomor di situs ini fiktif.",
    footer_label="Kaki halaman",
    footer_organiser="Diselenggarakan oleh",
    footer_campaign="Bagian dari Gerakan Nasional Bangga Buatan Indonesia.",
    footer_links="Tautan",
    breadcrumb_label="Jejak halaman",
    # Home
    home_running="Batch sedang berlangsung",
    home_upcoming="Batch berikutnya",
    home_past="Batch terakhir",
    home_featured="Produk unggulan",
    home_figures="Capaian belanja produk dalam negeri",
    figure_of="{realised} dari komitmen {committed}",
    figure_as_of="per {date}",
    figure_source="Sumber",
    home_categories="Jelajahi kategori",
    home_cities="Jelajahi menurut kota",
    home_certified="Produk bersertifikat",
    home_all_products="Lihat semua produk",
    home_all_batches="Semua batch",
    # Batches
    batches_title="Semua batch Business Matching",
    batches_intro="Business Matching diadakan sebulan sekali. Pilih batch untuk melihat eksibitor dan produknya.",
    batch_when="Tanggal",
    batch_where="Tempat",
    batch_activities="Kegiatan",
    batch_participants="Peserta",
    batch_exhibitors="Eksibitor",
    batch_schools="Sekolah",
    batch_products="Produk di batch ini",
    batch_calendar="Simpan ke kalender",
    status_running="Sedang berlangsung",
    status_upcoming="Akan datang",
    status_past="Selesai",
    products_count="{count} produk",
    # Participants
    exhibitors_title="Semua eksibitor",
    exhibitors_intro="UMKM, IKM dan penyedia yang ikut Business Matching.",
    schools_title="Semua sekolah",
    schools_intro="SMK yang memperkenalkan produk karya siswanya.",
    kind_umkm="UMKM",
    kind_ikm="IKM",
    kind_penyedia="Penyedia",
    kind_school="Sekolah",
    participant_location="Lokasi",
    participant_products="Produk",
    participant_batches="Ikut di",
    participant_contact="Kontak",
    participant_programmes="Program keahlian",
    participant_siinas="Terdaftar di SIINas",
    participant_jakpreneur="Anggota Jakpreneur",
    participant_no_products="Belum ada produk yang ditampilkan.",
    participant_logo_alt="Logo {name}",
    # Products
    products_title="Semua produk",
    products_intro="Semua produk dalam negeri yang tampil di Business Matching.",
    product_price="Harga",
    product_unit="per {unit}",
    product_min_order="Pesanan minimal",
    product_min_order_value="{count} {unit}",
    product_category="Kategori",
    product_seller="Penjual",
    product_city="Kota",
    product_certifications="Sertifikasi",
    product_tkdn="TKDN",
    product_bmp="BMP",
    product_tkdn_combined="TKDN + BMP",
    product_tkdn_certificate="Nomor sertifikat TKDN",
    product_must_buy="Wajib dibeli (TKDN+BMP ≥ 40 %)",
    product_batches="Tampil di",
    product_makers="Dibuat oleh siswa",
    product_more_from="Produk lain dari {name}",
    product_details="Rincian produk",
    product_description="Deskripsi",
    price_on_request="Harga atas permintaan",
    valid_until="berlaku sampai {date}",
    cert_halal="Halal",
    cert_bpom="BPOM",
    cert_pirt="P-IRT",
    cert_sni="SNI",
    badge_halal="Halal",
    badge_must_buy="Wajib PDN",
    chat_seller="Chat penjual",
    chat_seller_label="Chat penjual lewat WhatsApp",
    whatsapp_message="Halo, saya tertarik dengan produk {product} yang saya lihat di {site}.",
    whatsapp_message_link="Halo, saya tertarik dengan produk {product} yang saya lihat di {site}: {url}",
    other_contacts="Kontak lain",
    contact_whatsapp="WhatsApp",
    contact_phone="Telepon",
    contact_email="Email",
    contact_website="Situs web",
    contact_instagram="Instagram",
    contact_ekatalog="e-Katalog LKPP",
    contact_eorder="e-Order",
    contact_none="Kontak belum tersedia.",
    # Listings
    categories_title="Kategori produk",
    categories_intro="Pilih kategori untuk melihat produknya.",
    category_title="Kategori {name}",
    cities_title="Produk menurut kota",
    cities_intro="Penjual dari kota administrasi dan kabupaten di DKI Jakarta.",
    city_title="Produk dari {name}",
    city_participants="Penjual di {name}",
    certifications_title="Produk bersertifikat",
    certifications_intro="Produk yang sudah bersertifikat halal atau wajib dibeli instansi pemerintah.",
    certified_halal_title="Produk bersertifikat halal",
    certified_halal_intro="Produk dengan sertifikat halal BPJPH.",
    certified_wajib_pdn_title="Produk wajib PDN",
    certified_wajib_pdn_intro=(
        "Produk dengan nilai TKDN + BMP minimal 40 % (dan TKDN minimal 25 %): "
        "instansi pemerintah wajib membelinya bila tersedia."
    ),
    kategori_crumb="Kategori",
    kota_crumb="Kota",
    sertifikasi_crumb="Sertifikasi",
    listing_empty="Belum ada produk di sini.",
    listing_showing="Menampilkan {first}–{last} dari {total} produk",
    # Pagination
    pagination_label="Halaman",
    page_label="halaman {number}",
    page_of="Halaman {number} dari {count}",
    page_prev="Sebelumnya",
    page_next="Berikutnya",
    page_go="Ke halaman {number}",
    # Redirects, 404, search
    redirect_title="Halaman ini sudah pindah",
    redirect_text="Alamat ini sudah diganti. Buka alamat barunya:",
    not_found_title="Halaman tidak ditemukan",
    not_found_text="Maaf, halaman yang Anda cari tidak ada. Coba cari produknya atau buka salah satu kategori.",
    search_title="Cari produk",
    search_intro="Ketik nama produk, penjual, kategori atau kota.",
    search_loading="Pencarian memerlukan JavaScript dan dimuat di halaman ini.",
    # Content pages
    page_updated="Diperbarui",
)
